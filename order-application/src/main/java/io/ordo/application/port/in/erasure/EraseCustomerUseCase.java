package io.ordo.application.port.in.erasure;

import io.ordo.application.port.in.Caller;

/**
 * Use case: forget a customer (the right to erasure), admins only. Every order of the customer in the caller's
 * tenant records {@code CustomerErased}; from then on every answer about those orders shows {@code "[erased]"} for
 * the customer's personal data, and search no longer finds them. Orders taken later for the same customer id are not
 * affected.
 */
public interface EraseCustomerUseCase {

    /** Erases the customer's orders, each in its own transaction; how many this call erased, and when. */
    ErasedCustomer erase(Caller caller, String customerId, String reason);
}
