package io.ordo.adapters.web.order;

/** Body of {@code POST /api/orders/{id}/assign}: the user id to give the order to, and why (optional). */
public record AssignOrderRequest(String assignee, String reason) {}
