package io.ordo.domain;

/** Who the order is for, as the staff recorded them; every field optional except where a workflow needs the name. */
public record Customer(String id, String name, String phone, String email) {

    public static final Customer NONE = new Customer(null, null, null, null);
}
