package io.ordo.domain;

import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test givens: the events that bring an order of a workflow into a status, the way real commands would. */
final class OrderEvents {

    static final OrderId ID = OrderId.of(UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001"));
    static final String ACTOR = "agent";

    private OrderEvents() {}

    static OrderCreated created(Workflow workflow, String status) {
        boolean campaign = workflow == Workflows.LEAD_CAMPAIGN;
        var items = List.of(new OrderLine("SKU-1", "Headphones", 2, new BigDecimal("100.00")));
        return new OrderCreated(
                ID,
                "acme",
                "ORD-2026-000001",
                workflow.name(),
                status,
                new Customer("cust-1", "Jane Doe", "+15550100", null),
                new Contact(null, null, "Jane Doe", "+15550100"),
                "1 Main St",
                "Headphones",
                null,
                null,
                0,
                "USD",
                items,
                new BigDecimal("200.00"),
                campaign ? 10 : null,
                null,
                ACTOR);
    }

    /** OrderCreated in an initial status, then the shortest chain of moves into {@code target}. */
    static List<Object> orderIn(Workflow workflow, String target) {
        Map<String, String> cameFrom = new HashMap<>();
        var queue = new ArrayDeque<String>();
        for (String initial : workflow.initialStatuses()) {
            cameFrom.put(initial, null);
            queue.add(initial);
        }
        while (!queue.isEmpty()) {
            String status = queue.poll();
            for (String next : workflow.transitionsFrom(status)) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, status);
                    queue.add(next);
                }
            }
        }
        if (!cameFrom.containsKey(target)) {
            throw new IllegalArgumentException(target + " is unreachable in " + workflow.name());
        }
        var path = new ArrayList<String>();
        for (String s = target; s != null; s = cameFrom.get(s)) {
            path.add(0, s);
        }
        var events = new ArrayList<Object>();
        events.add(created(workflow, path.get(0)));
        for (int i = 1; i < path.size(); i++) {
            events.add(moved(workflow, path.get(i - 1), path.get(i)));
        }
        return events;
    }

    static Object moved(Workflow workflow, String from, String to) {
        if (to.equals(workflow.cancelledStatus())) {
            return new OrderCancelled(ID, from, to, "changed mind", null, ACTOR);
        }
        return new OrderStatusChanged(ID, from, to, null, null, null, null, OrderStatusChanged.USER, ACTOR);
    }
}
