package io.ordo.adapters.web.order;

/** Body of {@code POST /api/orders/{id}/cancel}. */
public record CancelOrderRequest(String reason) {}
