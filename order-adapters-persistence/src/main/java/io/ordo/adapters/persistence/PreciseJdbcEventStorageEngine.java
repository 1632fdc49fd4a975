package io.ordo.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, storing each event's timestamp with microseconds instead of Axon's milliseconds:
 * the stored stamp is the event's {@code at} everywhere (timeline, events, audit, asOf), so it must be as
 * precise as the clock that made it. Fixed width, so the text still sorts like the instant.
 * <p>
 * Loading an order reads its events in batches of sequence numbers ({@code >= n AND < n + 100}) and stops at the
 * first batch that is not full. Axon's JDBC engine asks once more, until a batch comes back empty, in case an
 * aggregate's sequence numbers have gaps (AxonFramework issue 911): that was a second query for every command. An
 * order's stream has none: Axon numbers an aggregate's events one by one, the unique key on (aggregate, sequence
 * number) takes one event per number, and no event is ever deleted. Were a load to stop short, the command's own
 * event would take a sequence number already stored and be refused by that key: no event is lost or overwritten.
 */
public class PreciseJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    public PreciseJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, MICROS.format(timestamp));
    }
}
