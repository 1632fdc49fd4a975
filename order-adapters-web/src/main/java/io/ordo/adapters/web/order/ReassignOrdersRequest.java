package io.ordo.adapters.web.order;

/** Body of {@code POST /api/orders/reassign}: every open order of {@code from} goes to {@code to}. */
public record ReassignOrdersRequest(String from, String to, String reason) {

    /** The answer: how many orders changed hands. */
    public record Reassigned(int reassigned) {}
}
