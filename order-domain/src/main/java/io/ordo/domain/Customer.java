package io.ordo.domain;

import io.ordo.domain.event.CustomerErased;

/** Who the order is for, as the staff recorded them; every field optional except where a workflow needs the name. */
public record Customer(String id, String name, String phone, String email) {

    public static final Customer NONE = new Customer(null, null, null, null);

    /** The same customer (its id) with the personal data erased ({@link CustomerErased#erase}). */
    public Customer erased() {
        return new Customer(id, CustomerErased.erase(name), CustomerErased.erase(phone), CustomerErased.erase(email));
    }
}
