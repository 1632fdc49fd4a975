package io.ordo.adapters.persistence.outbox;

import io.ordo.application.service.signing.Signatures;
import io.ordo.application.service.subscription.PrivateTargets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs one notification to a subscriber: JSON, signed with the subscription's secret ({@link Signatures}), with
 * {@code Ordo-Event-Id}. Any 2xx within the timeout is delivered; redirects are not followed (they could lead past
 * the {@link PrivateTargets} guard, which is judged again before every POST).
 */
final class HttpNotifier {

    private final HttpClient client;
    private final Duration timeout;
    private final PrivateTargets targets;
    private final Clock clock;

    HttpNotifier(Duration connectTimeout, Duration timeout, PrivateTargets targets, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.targets = targets;
        this.clock = clock;
    }

    Attempt send(String url, String secret, OutboxRow row) {
        var refusal = targets.refusal(url);
        if (refusal.isPresent()) {
            return Attempt.failed(null, "The URL " + refusal.get());
        }
        byte[] body = row.body().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Ordo-Notifications")
                .header("Ordo-Event-Id", row.eventId())
                .header(Signatures.HEADER, Signatures.sign(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? Attempt.delivered(status)
                    : Attempt.failed(status, "The receiver answered " + status);
        } catch (IOException e) {
            return Attempt.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(null, "Interrupted: Ordo is stopping");
        }
    }
}
