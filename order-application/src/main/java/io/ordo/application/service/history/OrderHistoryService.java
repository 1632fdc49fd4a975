package io.ordo.application.service.history;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.history.ChainVerification;
import io.ordo.application.port.in.history.EventPage;
import io.ordo.application.port.in.history.GetOrderHistoryUseCase;
import io.ordo.application.port.in.history.GetOrderTimelineUseCase;
import io.ordo.application.port.in.history.StoredEventView;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.out.OrderAsOfPort;
import io.ordo.application.port.out.OrderHistoryPort;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.application.port.out.ReadLogPort.ReadAccess;
import io.ordo.application.port.out.ReadLogPort.What;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.VisibleOrders;
import io.ordo.domain.OrderId;
import io.ordo.domain.exception.InvalidOrderException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An order's history: its timeline (from the read model), and from the event store its events, the order at an
 * instant, and the proof of its history.
 */
public final class OrderHistoryService implements GetOrderHistoryUseCase, GetOrderTimelineUseCase {

    public static final int MAX_EVENTS_PAGE = 1000;

    private final VisibleOrders orders;
    private final OrderReadModelPort readModel;
    private final OrderHistoryPort history;
    private final OrderAsOfPort asOf;
    private final AccessPolicy policy;
    private final Clock clock;
    private final ReadLogPort reads;

    public OrderHistoryService(
            VisibleOrders orders,
            OrderReadModelPort readModel,
            OrderHistoryPort history,
            OrderAsOfPort asOf,
            AccessPolicy policy,
            Clock clock,
            ReadLogPort reads) {
        this.orders = orders;
        this.readModel = readModel;
        this.history = history;
        this.asOf = asOf;
        this.policy = policy;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public List<TimelineEntry> timeline(Caller caller, String orderId) {
        OrderId id = orders.require(caller, orderId, AccessPolicy.Action.READ);
        var timeline = readModel.timeline(policy.scopeOf(caller).orElseThrow(), id);
        read(caller, id, What.TIMELINE);
        return timeline;
    }

    @Override
    public EventPage events(Caller caller, String orderId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_EVENTS_PAGE) {
            throw InvalidOrderException.of("limit", "must be an integer from 1 to " + MAX_EVENTS_PAGE);
        }
        long after = cursor == null ? -1 : decode(cursor);
        OrderId id = orders.require(caller, orderId, AccessPolicy.Action.READ_EVENTS);
        List<StoredEventView> events = history.events(id, after, limit + 1);
        boolean more = events.size() > limit;
        var page = more ? events.subList(0, limit) : events;
        read(caller, id, What.EVENTS);
        return new EventPage(
                List.copyOf(page), more ? encode(page.get(page.size() - 1).sequence()) : null, more);
    }

    @Override
    public OrderView asOf(Caller caller, String orderId, Instant instant) {
        OrderId id = orders.require(caller, orderId, AccessPolicy.Action.READ_EVENTS);
        Instant now = clock.instant();
        Instant at = instant.isAfter(now) ? now : instant;
        OrderView then = asOf.asOf(id, at)
                .map(order -> policy.present(caller, order).withAllowedTransitions(List.of()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
        read(caller, id, What.AS_OF);
        return then;
    }

    private void read(Caller caller, OrderId id, What what) {
        reads.record(new ReadAccess(caller.tenantId(), caller.userId(), id.toString(), what, null));
    }

    @Override
    public ChainVerification verify(Caller caller, String orderId) {
        return history.verify(orders.require(caller, orderId, AccessPolicy.Action.AUDIT));
    }

    private static String encode(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("seq:" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("seq:")) {
                return Long.parseLong(raw.substring(4));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal
        }
        throw InvalidOrderException.of("cursor", "is not a cursor of this list");
    }
}
