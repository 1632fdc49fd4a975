package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.domain.Order;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.exception.DuplicateLeadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign with 20,000 deliveries loads from its snapshot: the events before the snapshot are removed
 * and the order still knows every delivered lead. Load times before and after are printed (and kept in
 * target/snapshot-load.txt) for docs/benchmarks.md; they are measured, not asserted.
 */
@OrdoIntegrationTest
class SnapshotIT {

    static final int DELIVERIES = 20_000;

    @LocalServerPort
    int port;

    @Autowired
    Configuration axon;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    TransactionManager transactions;

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_campaign_of_20000_deliveries_loads_from_its_snapshot() throws Exception {
        var agent = new Http(port, "agent");
        var created = agent.post("/api/orders", """
                {"workflow": "lead_campaign", "customer": {"name": "Big Campaign"}, "leadsPurchased": 50000}""");
        String id = created.json().get("id").asText();
        agent.post("/api/orders/" + id + "/status", "{\"status\": \"active\"}");

        // the history 20,000 delivery commands would have written, appended in batches straight to the store
        for (int from = 0; from < DELIVERIES; from += 1000) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = from; i < from + 1000; i++) {
                batch.add(new GenericDomainEventMessage<>(
                        "Order", id, 2L + i, new LeadDelivered(OrderId.parse(id).orElseThrow(), "lead-" + i, "agent")));
            }
            transactions.executeInTransaction(() -> storage.appendEvents(batch));
        }

        timeLoads(id, 3, true); // warm-up: class loading and JIT, not the store
        long[] withoutSnapshot = timeLoads(id, 5, true);
        snapshotter.scheduleSnapshot(Order.class, id);
        long snapshotAt = jdbc.sql(
                        "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(snapshotAt).isEqualTo(DELIVERIES + 1L);
        long[] withSnapshot = timeLoads(id, 5, false);

        // proof: without the events the snapshot covers, the order still knows all 20,000 leads
        int removed = jdbc.sql(
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = :id AND sequence_number <= :seq")
                .param("id", id)
                .param("seq", snapshotAt)
                .update();
        assertThat(removed).isEqualTo(DELIVERIES + 2);
        assertThatThrownBy(() -> commands.sendAndWait(
                        new DeliverLeadCommand(OrderId.parse(id).orElseThrow(), "lead-12345", "agent", null)))
                .isInstanceOf(DuplicateLeadException.class);
        commands.sendAndWait(new DeliverLeadCommand(OrderId.parse(id).orElseThrow(), "lead-new", "agent", null));

        String report = "load of a %d-event order: without snapshot median %d ms %s; from snapshot median %d ms %s"
                .formatted(
                        DELIVERIES + 2,
                        median(withoutSnapshot),
                        Arrays.toString(withoutSnapshot),
                        median(withSnapshot),
                        Arrays.toString(withSnapshot));
        System.out.println("SNAPSHOT-LOAD: " + report);
        Files.writeString(Path.of("target", "snapshot-load.txt"), report + System.lineSeparator());
    }

    /**
     * Loads the order {@code times} times. {@code fromEvents}: through a repository that neither reads nor
     * takes snapshots, i.e. a plain replay of every event; else through the application's own repository.
     */
    private long[] timeLoads(String id, int times, boolean fromEvents) {
        var replaying = EventSourcingRepository.builder(Order.class)
                .eventStore(axon.eventStore())
                .build();
        long[] millis = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            var unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactions);
                if (fromEvents) {
                    // readEvents(id) would start from a snapshot if one existed; this repository's store has none
                    jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                            .param("id", id)
                            .update();
                    replaying.load(id);
                } else {
                    axon.repository(Order.class).load(id);
                }
            } finally {
                unitOfWork.rollback();
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        return millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
