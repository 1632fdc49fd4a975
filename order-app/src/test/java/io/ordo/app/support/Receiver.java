package io.ordo.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ordo.application.service.signing.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's HTTP endpoint, real and in the test: it verifies each notification's signature with the
 * subscription's secret, answers the first {@code failFirst} with 503, and keeps every notification it accepted.
 */
public final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted notification and whether its signature verified. */
    public record Received(JsonNode body, boolean signed, String eventIdHeader) {

        public String orderId() {
            return body.get("orderId").asText();
        }

        public long sequence() {
            return body.get("sequence").asLong();
        }

        public String eventId() {
            return body.get("eventId").asText();
        }
    }

    private final HttpServer server;
    private final String secret;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Received> received = new ArrayList<>();
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    public Receiver(String secret, int failFirst) {
        this.secret = secret;
        this.failuresLeft = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            calls.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down || failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("Ordo-Signature");
            boolean signed = Signatures.verify(secret, signature, body, Instant.now());
            synchronized (received) {
                received.add(new Received(
                        JSON.readTree(body),
                        signed,
                        exchange.getRequestHeaders().getFirst("Ordo-Event-Id")));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** While down, every notification gets a 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Answers every notification only after {@code delay}: a slow receiver. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public int calls() {
        return calls.get();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Per order, the sequence numbers in the order they first arrived (a repeat, at least once, is left out). */
    public Map<String, List<Long>> firstArrivals() {
        var seen = new java.util.HashSet<String>();
        var perOrder = new LinkedHashMap<String, List<Long>>();
        for (Received r : received()) {
            if (seen.add(r.eventId())) {
                perOrder.computeIfAbsent(r.orderId(), o -> new ArrayList<>()).add(r.sequence());
            }
        }
        return perOrder;
    }

    public long distinctEvents() {
        return received().stream().map(Received::eventId).distinct().count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
