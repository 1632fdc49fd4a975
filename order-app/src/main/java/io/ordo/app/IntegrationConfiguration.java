package io.ordo.app;

import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.adapters.persistence.webhook.JdbcWebhookAdapter;
import io.ordo.adapters.persistence.webhook.WebhookDeliveryRecorder;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.webhook.WebhookService;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    @Bean
    WebhookDeliveryRecorder webhookDeliveryRecorder(JdbcClient jdbc) {
        return new WebhookDeliveryRecorder(jdbc);
    }
}
