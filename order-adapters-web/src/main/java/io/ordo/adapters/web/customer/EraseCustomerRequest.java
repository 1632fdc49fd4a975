package io.ordo.adapters.web.customer;

/** Body of {@code POST /api/customers/{customerId}/erase}: why the customer is forgotten. */
public record EraseCustomerRequest(String reason) {}
