package io.ordo.application.service.stream;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.stream.LiveEvent;
import io.ordo.application.port.in.stream.TooManyStreamsException;
import io.ordo.application.port.in.stream.WatchOrdersUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.application.port.out.stream.OrderEventFeed;
import io.ordo.application.port.out.stream.OrderEventFeed.FeedEvent;
import io.ordo.application.service.AccessPolicy;
import io.ordo.domain.OrderId;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live stream (docs/api.md, "Live stream"). The node listens to the store once, while anyone watches, and hands
 * each event to every watcher whose caller may see its order (looked up once per event). A watcher that resumes
 * first gets the events after its {@code Last-Event-ID} from the store, while live ones wait in its buffer; those
 * the replay already sent are not sent twice. At most {@code perUser} watches per user and node.
 */
public final class OrderStreamService implements WatchOrdersUseCase {

    private final OrderEventFeed feed;
    private final OrderReadModelPort orders;
    private final AccessPolicy policy;
    private final int perUser;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> openPerUser = new ConcurrentHashMap<>();
    private AutoCloseable listening;

    public OrderStreamService(OrderEventFeed feed, OrderReadModelPort orders, AccessPolicy policy, int perUser) {
        this.feed = feed;
        this.orders = orders;
        this.policy = policy;
        this.perUser = perUser;
    }

    @Override
    public Watch watch(Caller caller, Long lastEventId, Consumer<LiveEvent> sink) {
        OrderScope scope = policy.scopeOf(caller)
                .filter(s -> policy.may(caller, AccessPolicy.Action.READ))
                .orElseThrow(() -> new ForbiddenException("This role reads no orders."));
        String user = caller.tenantId() + "\u0000" + caller.userId();
        var admitted = new boolean[1];
        openPerUser.compute(user, (u, open) -> {
            int now = open == null ? 0 : open;
            admitted[0] = now < perUser;
            return admitted[0] ? now + 1 : now;
        });
        if (!admitted[0]) {
            throw new TooManyStreamsException(perUser);
        }
        var watcher = new Watcher(user, scope, sink, lastEventId != null);
        watchers.add(watcher);
        listen();
        if (lastEventId != null) {
            try {
                feed.replay(Math.max(lastEventId, -1), event -> {
                    if (event.position() > lastEventId) {
                        visible(event, watcher.scope).ifPresent(watcher::replayed);
                    }
                });
            } catch (RuntimeException e) {
                watcher.close();
                throw e;
            }
            watcher.live();
        }
        return watcher;
    }

    private synchronized void listen() {
        if (listening == null) {
            listening = feed.listen(this::dispatch);
        }
    }

    private synchronized void stopListeningIfIdle() {
        if (watchers.isEmpty() && listening != null) {
            try {
                listening.close();
            } catch (Exception ignored) {
                // the feed stops by itself when nobody listens
            }
            listening = null;
        }
    }

    /** Open watches on this node, for the gauge. */
    public int open() {
        return watchers.size();
    }

    private void dispatch(FeedEvent event) {
        OrderView order = null;
        for (Watcher watcher : watchers) {
            if (!watcher.scope.tenantId().equals(event.tenant())) {
                continue;
            }
            if (order == null) {
                order = lookup(event).orElse(null);
                if (order == null) {
                    return;
                }
            }
            if (watcher.scope.includes(event.tenant(), order)) {
                watcher.offer(toLive(event, order));
            }
        }
    }

    private Optional<LiveEvent> visible(FeedEvent event, OrderScope scope) {
        if (!scope.tenantId().equals(event.tenant())) {
            return Optional.empty();
        }
        return lookup(event)
                .filter(order -> scope.includes(event.tenant(), order))
                .map(order -> toLive(event, order));
    }

    private Optional<OrderView> lookup(FeedEvent event) {
        return OrderId.parse(event.orderId()).flatMap(id -> orders.find(OrderScope.tenant(event.tenant()), id));
    }

    private static LiveEvent toLive(FeedEvent event, OrderView order) {
        return new LiveEvent(
                event.position(),
                event.orderId(),
                order.orderNumber(),
                event.sequence(),
                event.type(),
                event.at(),
                event.actor(),
                statusAfter(event.payload(), order));
    }

    /** The order's status right after the event: the event says so when it moved the order, else the order now. */
    static String statusAfter(Object payload, OrderView order) {
        if (payload instanceof OrderCreated created) {
            return created.status();
        }
        if (payload instanceof OrderStatusChanged changed) {
            return changed.to();
        }
        if (payload instanceof OrderCancelled cancelled) {
            return cancelled.to();
        }
        return order.status();
    }

    /** One open watch: live events wait in a buffer while its replay runs, then go straight to the sink. */
    private final class Watcher implements Watch {

        final String user;
        final OrderScope scope;
        final Consumer<LiveEvent> sink;
        private boolean catchingUp;
        private final List<LiveEvent> buffered = new ArrayList<>();
        private final Set<Long> replayedPositions = new HashSet<>();
        private boolean closed;

        Watcher(String user, OrderScope scope, Consumer<LiveEvent> sink, boolean catchingUp) {
            this.user = user;
            this.scope = scope;
            this.sink = sink;
            this.catchingUp = catchingUp;
        }

        synchronized void replayed(LiveEvent event) {
            if (replayedPositions.add(event.position())) {
                send(event);
            }
        }

        synchronized void live() {
            catchingUp = false;
            for (LiveEvent event : buffered) {
                if (!replayedPositions.contains(event.position())) {
                    send(event);
                }
            }
            buffered.clear();
            replayedPositions.clear();
        }

        synchronized void offer(LiveEvent event) {
            if (catchingUp) {
                buffered.add(event);
            } else {
                send(event);
            }
        }

        private void send(LiveEvent event) {
            if (closed) {
                return;
            }
            try {
                sink.accept(event);
            } catch (RuntimeException clientGone) {
                close();
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            watchers.remove(this);
            openPerUser.computeIfPresent(user, (u, open) -> open <= 1 ? null : open - 1);
            stopListeningIfIdle();
        }
    }
}
