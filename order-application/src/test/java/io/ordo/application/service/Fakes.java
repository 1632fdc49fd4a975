package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.out.OrderNumberPort;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Fakes of the ports for service tests: plain objects with memory, no mocking library. */
public final class Fakes {

    private Fakes() {}

    public static Caller caller(String user, String tenant, String role) {
        return new Caller(user, tenant, Set.of(role), null, null);
    }

    /** The write path over these fakes, with the real access policy. */
    public static OrderWrites writes(Commands commands, ReadModel readModel) {
        var policy = new AccessPolicy();
        return new OrderWrites(commands, new VisibleOrders(readModel, policy), policy);
    }

    public static OrderView order(String id, String workflow, String status, long version) {
        return order(id, workflow, status, version, null, "agent");
    }

    public static OrderView order(
            String id, String workflow, String status, long version, String location, String createdBy) {
        return new OrderView(
                id,
                "ORD-2026-000001",
                workflow,
                status,
                true,
                List.of(),
                new Customer("cust-1", "Jane", null, null),
                new Contact(null, null, "Jane", null),
                "1 Main St",
                null,
                "staff only",
                location,
                0,
                null,
                List.of(),
                null,
                null,
                new OrderView.Shipping(null, null, null, null),
                null,
                createdBy,
                createdBy,
                Instant.EPOCH,
                null,
                null,
                version);
    }

    /** Command gateway that records what it is sent and answers with what the test programmed. */
    public static final class Commands implements CommandGateway {
        public final List<Object> sent = new ArrayList<>();
        public final List<Map<String, Object>> metaData = new ArrayList<>();
        public final Deque<RuntimeException> failures = new ArrayDeque<>();
        public Function<Object, Object> onSend = command -> null;

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object message) {
            Object command = message;
            if (message instanceof CommandMessage<?> wrapped) {
                command = wrapped.getPayload();
                metaData.add(wrapped.getMetaData());
            }
            sent.add(command);
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return (R) onSend.apply(command);
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new AssertionError("services send and wait");
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new AssertionError("services send and wait");
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            return () -> true;
        }
    }

    /** Read model holding views by tenant and id; honours the scope like the SQL does. */
    public static final class ReadModel implements OrderReadModelPort {
        public final Map<String, OrderView> views = new HashMap<>();
        public final Map<String, String> tenants = new HashMap<>();
        public final List<OrderScope> searchedWith = new ArrayList<>();

        public void put(String tenant, OrderView view) {
            views.put(view.id(), view);
            tenants.put(view.id(), tenant);
        }

        @Override
        public Optional<OrderView> findAfter(Object commandAnswer, OrderScope scope, OrderId id) {
            return find(scope, id);
        }

        @Override
        public Optional<OrderView> find(OrderScope scope, OrderId id) {
            var view = views.get(id.toString());
            if (view == null || !scope.tenantId().equals(tenants.get(view.id()))) {
                return Optional.empty();
            }
            if (scope.assignee() != null && !scope.assignee().equals(view.assignee())) {
                return Optional.empty();
            }
            if (scope.location() != null && !Objects.equals(scope.location(), view.location())) {
                return Optional.empty();
            }
            if (scope.customerId() != null
                    && !scope.customerId().equals(view.customer().id())) {
                return Optional.empty();
            }
            return Optional.of(view);
        }

        @Override
        public Optional<OrderView> findByNumber(OrderScope scope, String orderNumber) {
            return views.values().stream()
                    .filter(v -> v.orderNumber().equals(orderNumber))
                    .findFirst()
                    .flatMap(v -> find(scope, OrderId.parse(v.id()).orElseThrow()));
        }

        @Override
        public List<TimelineEntry> timeline(OrderScope scope, OrderId id) {
            return List.of();
        }

        @Override
        public List<String> openOrdersAssignedTo(OrderScope scope, String assignee) {
            return views.values().stream()
                    .filter(v -> assignee.equals(v.assignee()))
                    .filter(v ->
                            find(scope, OrderId.parse(v.id()).orElseThrow()).isPresent())
                    .map(OrderView::id)
                    .toList();
        }

        @Override
        public List<String> ordersOfCustomer(OrderScope scope, String customerId) {
            return views.values().stream()
                    .filter(v -> v.customer() != null
                            && customerId.equals(v.customer().id()))
                    .filter(v ->
                            find(scope, OrderId.parse(v.id()).orElseThrow()).isPresent())
                    .map(OrderView::id)
                    .toList();
        }

        @Override
        public List<NoteView> notes(OrderScope scope, OrderId id) {
            return List.of();
        }

        @Override
        public OrderPage search(OrderScope scope, OrderQuery query) {
            searchedWith.add(scope);
            return new OrderPage(List.of(), null, false);
        }
    }

    /** Order numbers counting up; remembers how many were handed out. */
    public static final class Numbers implements OrderNumberPort {
        public int handedOut;

        @Override
        public String next(String tenantId, int year) {
            handedOut++;
            return "ORD-%d-%06d".formatted(year, handedOut);
        }
    }
}
