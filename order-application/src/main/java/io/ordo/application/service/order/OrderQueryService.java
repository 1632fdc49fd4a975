package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.discussion.GetDiscussionUseCase;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.GetOrderTimelineUseCase;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.in.order.FindOrdersUseCase;
import io.ordo.application.port.in.order.GetOrderUseCase;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.in.workflow.ListWorkflowsUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.OrderId;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.util.List;

/** Reads orders, lists and timelines within the caller's scope. */
public final class OrderQueryService
        implements GetOrderUseCase,
                FindOrdersUseCase,
                GetOrderTimelineUseCase,
                GetDiscussionUseCase,
                ListWorkflowsUseCase {

    private final OrderCommands orders;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;

    public OrderQueryService(OrderReadModelPort readModel, AccessPolicy policy) {
        this.orders = new OrderCommands(null, readModel, policy);
        this.readModel = readModel;
        this.policy = policy;
    }

    @Override
    public OrderView get(Caller caller, String orderId) {
        return policy.present(caller, orders.visible(caller, orderId));
    }

    @Override
    public List<TimelineEntry> timeline(Caller caller, String orderId) {
        OrderView order = orders.visible(caller, orderId);
        var scope = policy.scopeOf(caller).orElseThrow();
        return readModel.timeline(scope, OrderId.parse(order.id()).orElseThrow());
    }

    @Override
    public List<NoteView> notes(Caller caller, String orderId) {
        OrderView order = orders.visible(caller, orderId);
        if (!policy.may(caller, AccessPolicy.Action.READ_NOTES)) {
            throw new ForbiddenException("Role(s) %s may not read the discussion.".formatted(caller.roles()));
        }
        var scope = policy.scopeOf(caller).orElseThrow();
        return readModel.notes(scope, OrderId.parse(order.id()).orElseThrow());
    }

    @Override
    public OrderPage find(Caller caller, OrderQuery query) {
        var scope = policy.scopeOf(caller);
        if (scope.isEmpty()) {
            throw new ForbiddenException("Role(s) %s see no orders.".formatted(caller.roles()));
        }
        OrderPage page = readModel.search(scope.get(), query);
        return new OrderPage(
                page.items().stream().map(o -> policy.present(caller, o)).toList(), page.nextCursor(), page.hasMore());
    }

    @Override
    public List<Workflow> workflows() {
        return Workflows.all();
    }
}
