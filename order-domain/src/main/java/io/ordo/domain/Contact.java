package io.ordo.domain;

import io.ordo.domain.event.CustomerErased;

/**
 * The conversation the order came from, with the customer's name and phone as they were at creation.
 * Never changes after creation: a compliance reader sees who was talked to.
 */
public record Contact(String contactId, String conversationId, String nameSnapshot, String phoneSnapshot) {

    /** The same link with the snapshots of the customer's personal data erased. */
    public Contact erased() {
        return new Contact(
                contactId, conversationId, CustomerErased.erase(nameSnapshot), CustomerErased.erase(phoneSnapshot));
    }
}
