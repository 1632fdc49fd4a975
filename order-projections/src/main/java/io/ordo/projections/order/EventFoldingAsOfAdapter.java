package io.ordo.projections.order;

import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.out.OrderAsOfPort;
import io.ordo.domain.OrderId;
import io.ordo.domain.event.OrderCreated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing-port adapter: the order as it stood at an instant, folded from the stored events (never from a
 * snapshot) with the very fold the detail projection runs, so "as of now" equals the detail.
 */
public class EventFoldingAsOfAdapter implements OrderAsOfPort {

    private static final Logger log = LoggerFactory.getLogger(EventFoldingAsOfAdapter.class);

    private final EventStore events;
    private final Clock clock;

    public EventFoldingAsOfAdapter(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<OrderView> asOf(OrderId id, Instant instant) {
        var stream = events.readEvents(id.toString(), 0);
        OrderDocument document = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(instant)) {
                break;
            }
            Object payload;
            try {
                payload = event.getPayload();
            } catch (RuntimeException unreadable) {
                // a tampered or unreadable event: verify names it; the fold goes on without it
                log.warn(
                        "order {} event {} is unreadable and left out of asOf: {}",
                        id,
                        event.getSequenceNumber(),
                        unreadable.getMessage());
                continue;
            }
            if (payload instanceof OrderCreated created) {
                document = OrderDocument.created(created, event.getTimestamp());
            } else if (document != null) {
                document.applyAny(payload, event.getTimestamp(), event.getSequenceNumber());
            }
        }
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return Optional.ofNullable(document).map(d -> d.toView(day.isAfter(today) ? today : day));
    }
}
