package io.ordo.adapters.persistence;

import io.ordo.adapters.persistence.personal.OrderDataKeys;
import io.ordo.adapters.persistence.personal.SealingSerializer;
import io.ordo.adapters.persistence.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon's JDBC event store on PostgreSQL: snake_case tables (created by Flyway, never by Axon), Jackson
 * for every serializer, and an event store that polls often enough for other nodes' events to reach the
 * streaming projections well within a second.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return schema();
    }

    /** The event tables as Flyway creates them (also for tools that append events outside the service). */
    public static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The token store of the streaming projections. Each node claims segments under its own id
     * ({@code ordo.node-id}, by default the JVM's pid@host), so two nodes share the work instead of both
     * believing they own every claim; a claim not renewed for {@code claim-timeout} passes to another node.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            @Value("${ordo.node-id:}") String nodeId,
            @Value("${ordo.token-claim-timeout:10s}") Duration claimTimeout) {
        var builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(claimTimeout);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventJson.objectMapper())
                .build();
    }

    /** Events as JSON, their personal data sealed with their order's key (PersonalData). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(OrderDataKeys keys) {
        return new SealingSerializer(
                JacksonSerializer.builder()
                        .objectMapper(EventJson.objectMapper())
                        .build(),
                keys,
                EventJson.objectMapper());
    }

    @Bean
    OrderDataKeys orderDataKeys(DataSource dataSource, SecretBox secrets) {
        return new OrderDataKeys(JdbcClient.create(dataSource), secrets);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventJson.objectMapper())
                .build();
    }

    /**
     * The clock Axon stamps events with, ticking in microseconds: what PostgreSQL and the stored stamp hold.
     * Axon reads it from a static field; tests replace the {@link Clock} bean to control time.
     */
    @Bean
    EventClock eventClock(Clock clock) {
        GenericEventMessage.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        return new EventClock(GenericEventMessage.clock);
    }

    /** Marks that Axon's event clock is set; projections and stores depend on it being set first. */
    public record EventClock(Clock clock) {}

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            EventClock eventClock,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            OrderDataKeys keys,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            PersistenceExceptionResolver persistenceExceptionResolver,
            EventSchema eventSchema) {
        return new PreciseJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(new SealingSerializer(
                        JacksonSerializer.builder()
                                .objectMapper(EventJson.snapshotMapper())
                                .build(),
                        keys,
                        EventJson.objectMapper()))
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
    }

    /**
     * The event store. Each streaming projection reads its own stream from the database in batches
     * ({@code optimizeEventConsumption} off): Axon's shared in-memory stream links every event read to the next,
     * and a projection busy with a batch kept that whole chain alive while the reader ran ahead; catching up with
     * a million events, that filled the heap (AxonFramework issue 2954). How promptly new events are seen is
     * {@link PromptEventSource}'s tick, on this node and for other nodes' events alike.
     */
    @Bean
    EventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * The source of the pooled streaming projections (application.yml {@code source}): the event store, prompt. Its
     * ticker wakes the streams only when something was committed since its last tick (CommitWatch, one connection).
     */
    @Bean(destroyMethod = "close")
    PromptEventSource promptEventSource(
            EventStore eventStore,
            DataSource dataSource,
            @Value("${ordo.events.wake-interval:20ms}") Duration interval) {
        return new PromptEventSource(eventStore, interval, new CommitWatch(dataSource));
    }
}
