package io.ordo.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, storing each event's timestamp with microseconds instead of Axon's milliseconds:
 * the stored stamp is the event's {@code at} everywhere (timeline, events, audit, asOf), so it must be as
 * precise as the clock that made it. Fixed width, so the text still sorts like the instant.
 */
public class PreciseJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    public PreciseJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, MICROS.format(timestamp));
    }
}
