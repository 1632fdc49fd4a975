package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.FindOrdersUseCase;
import io.ordo.application.port.in.order.GetOrderUseCase;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.in.workflow.ListWorkflowsUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.application.port.out.ReadLogPort.ReadAccess;
import io.ordo.application.port.out.ReadLogPort.What;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.VisibleOrders;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.util.List;

/** Reads orders and lists within the caller's scope, and the workflows. */
public final class OrderQueryService implements GetOrderUseCase, FindOrdersUseCase, ListWorkflowsUseCase {

    private final VisibleOrders orders;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;
    private final ReadLogPort reads;

    public OrderQueryService(
            VisibleOrders orders, OrderReadModelPort readModel, AccessPolicy policy, ReadLogPort reads) {
        this.orders = orders;
        this.readModel = readModel;
        this.policy = policy;
        this.reads = reads;
    }

    /** The order, and its read in the read log. */
    @Override
    public OrderView get(Caller caller, String orderId) {
        OrderView order = orders.show(caller, orderId);
        reads.record(new ReadAccess(caller.tenantId(), caller.userId(), order.id(), What.DETAIL, null));
        return order;
    }

    @Override
    public OrderPage find(Caller caller, OrderQuery query) {
        var scope = policy.scopeOf(caller)
                .orElseThrow(() -> new ForbiddenException("Role(s) %s see no orders.".formatted(caller.roles())));
        OrderPage page = readModel.search(scope, query);
        return new OrderPage(
                page.items().stream().map(o -> policy.present(caller, o)).toList(), page.nextCursor(), page.hasMore());
    }

    @Override
    public List<Workflow> workflows() {
        return Workflows.all();
    }
}
