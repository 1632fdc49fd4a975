package io.ordo.application.port.in.erasure;

import java.time.Instant;

/** The answer of an erasure: the customer, how many of its orders this erasure reached, and when it began. */
public record ErasedCustomer(String customerId, int orders, Instant erasedAt) {}
