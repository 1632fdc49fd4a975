package io.ordo.domain;

/**
 * The conversation the order came from, with the customer's name and phone as they were at creation.
 * Never changes after creation: a compliance reader sees who was talked to.
 */
public record Contact(String contactId, String conversationId, String nameSnapshot, String phoneSnapshot) {}
