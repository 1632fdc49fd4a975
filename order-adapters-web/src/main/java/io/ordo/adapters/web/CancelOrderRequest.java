package io.ordo.adapters.web;

/** Body of {@code POST /api/orders/{id}/cancel}. */
public record CancelOrderRequest(String reason) {}
