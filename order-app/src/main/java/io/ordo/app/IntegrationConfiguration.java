package io.ordo.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.adapters.persistence.outbox.JdbcSubscriptionAdapter;
import io.ordo.adapters.persistence.outbox.OutboxDispatcher;
import io.ordo.adapters.persistence.outbox.OutboxWriter;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.adapters.persistence.stream.EventStoreFeed;
import io.ordo.adapters.persistence.webhook.JdbcWebhookAdapter;
import io.ordo.adapters.persistence.webhook.WebhookDeliveryRecorder;
import io.ordo.app.metrics.MeteredWebhooks;
import io.ordo.application.port.in.subscription.ManageSubscriptionsUseCase;
import io.ordo.application.port.in.webhook.ReceiveWebhookUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.stream.OrderStreamService;
import io.ordo.application.service.subscription.PrivateTargets;
import io.ordo.application.service.subscription.SubscriptionService;
import io.ordo.application.service.webhook.WebhookService;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** The outside world: webhooks in, notifications and Kafka out through the outbox, the live stream. */
@Configuration(proxyBeanMethods = false)
class IntegrationConfiguration {

    /** The key sealing webhook and subscription secrets: ordo.secrets.key, or a key file beside the embedded data. */
    @Bean
    SecretBox secretBox(
            @Value("${ordo.secrets.key:}") String key, @Value("${ordo.embedded.data-dir:./data}") String dataDir) {
        return SecretBox.from(key, Path.of(dataDir, "secrets.key"));
    }

    @Bean
    JdbcWebhookAdapter webhookStore(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        return new JdbcWebhookAdapter(jdbc, secrets, clock);
    }

    @Bean
    WebhookService webhooks(
            JdbcWebhookAdapter store,
            OrderReadModelPort readModel,
            OrderWrites writes,
            AccessPolicy policy,
            Clock clock) {
        return new WebhookService(store, store, readModel, writes, policy, clock);
    }

    /** What the webhook endpoint calls: the service, counted (ordo_webhooks_received_total). */
    @Bean
    @Primary
    ReceiveWebhookUseCase meteredWebhooks(WebhookService webhooks, MeterRegistry registry) {
        return new MeteredWebhooks(webhooks, registry);
    }

    @Bean
    WebhookDeliveryRecorder webhookDeliveryRecorder(JdbcClient jdbc) {
        return new WebhookDeliveryRecorder(jdbc);
    }

    @Bean
    PrivateTargets privateTargets(@Value("${ordo.subscriptions.allow-private-targets:false}") boolean allowPrivate) {
        return new PrivateTargets(allowPrivate);
    }

    @Bean
    ManageSubscriptionsUseCase subscriptions(
            JdbcClient jdbc, SecretBox secrets, Clock clock, PrivateTargets targets, AccessPolicy policy) {
        return new SubscriptionService(new JdbcSubscriptionAdapter(jdbc, secrets, clock), targets, policy);
    }

    /** The outbox's rows, written with the events; a row for Kafka only while Kafka is configured. */
    @Bean
    OutboxWriter outboxWriter(
            JdbcClient jdbc,
            OrderReadModelPort readModel,
            @Value("${spring.kafka.bootstrap-servers:}") String kafkaServers) {
        return new OutboxWriter(jdbc, readModel, !kafkaServers.isBlank());
    }

    @Bean
    OutboxDispatcher outboxDispatcher(
            JdbcClient jdbc,
            SecretBox secrets,
            PrivateTargets targets,
            ObjectProvider<OutboxDispatcher.KafkaProducers> kafka,
            Environment environment,
            Clock clock,
            MeterRegistry registry) {
        var settings = new OutboxDispatcher.Settings(
                duration(environment, "ordo.outbox.poll-interval", "200ms"),
                environment.getProperty("ordo.outbox.batch-size", Integer.class, 500),
                environment.getProperty("ordo.outbox.senders", Integer.class, 4),
                duration(environment, "ordo.outbox.claim-for", "2m"),
                duration(environment, "ordo.subscriptions.connect-timeout", "5s"),
                duration(environment, "ordo.subscriptions.timeout", "10s"),
                duration(environment, "ordo.subscriptions.max-backoff", "1h"),
                duration(environment, "ordo.subscriptions.give-up-after", "24h"),
                duration(environment, "ordo.kafka.max-backoff", "10s"));
        String node = environment.getProperty("ordo.node-id", "");
        var dispatcher = new OutboxDispatcher(
                jdbc,
                node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node,
                secrets,
                targets,
                kafka.getIfAvailable(),
                settings,
                clock,
                (toKafka, outcome) -> registry.counter(
                                toKafka ? "ordo.kafka.published" : "ordo.notifications", "outcome", outcome)
                        .increment());
        registry.gauge("ordo.outbox.pending", dispatcher, OutboxDispatcher::pending);
        registry.gauge("ordo.outbox.oldest.pending.seconds", dispatcher, OutboxDispatcher::oldestPendingSeconds);
        return dispatcher;
    }

    /** The live stream's feed: the event store, read by every node while anyone on it watches. */
    @Bean(destroyMethod = "close")
    EventStoreFeed liveFeed(
            EventStorageEngine storage,
            @Value("${ordo.stream.poll-interval:100ms}") Duration interval,
            @Value("${ordo.stream.max-replay:10000}") long maxReplay) {
        return new EventStoreFeed(storage, interval, maxReplay);
    }

    @Bean
    OrderStreamService liveStream(
            EventStoreFeed feed,
            OrderReadModelPort readModel,
            AccessPolicy policy,
            @Value("${ordo.stream.max-per-user:5}") int perUser,
            MeterRegistry registry) {
        var service = new OrderStreamService(feed, readModel, policy, perUser);
        registry.gauge("ordo.stream.open", service, OrderStreamService::open);
        return service;
    }

    private static Duration duration(Environment environment, String name, String fallback) {
        return DurationStyle.detectAndParse(environment.getProperty(name, fallback));
    }

    /**
     * Kafka, only when spring.kafka.bootstrap-servers is set (Spring Boot's own Kafka auto-configuration is left
     * out, so that nothing of Kafka starts otherwise). An idempotent producer that waits for every in-sync replica;
     * its other settings come from spring.kafka.producer.*.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${spring.kafka.bootstrap-servers:}'.isBlank()")
    @EnableConfigurationProperties(KafkaProperties.class)
    static class KafkaOutbox {

        @Bean
        OutboxDispatcher.KafkaProducers kafkaProducers(
                KafkaProperties properties, @Value("${ordo.kafka.topic:ordo.order-events}") String topic) {
            Map<String, Object> config = new HashMap<>(properties.buildProducerProperties(null));
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
            config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            return new OutboxDispatcher.KafkaProducers(new DefaultKafkaProducerFactory<>(config), topic);
        }
    }
}
