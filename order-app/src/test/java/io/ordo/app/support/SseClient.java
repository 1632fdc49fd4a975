package io.ordo.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A Server-Sent Events client as a browser's EventSource reads a stream: events by id, name and data, and comments. */
public final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One event of the stream. */
    public record Event(long id, String name, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final int status;
    private final Stream<String> lines;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code port} as {@code user}, resuming after {@code lastEventId} when given. */
    public static SseClient open(int port, String user, Long lastEventId) {
        var request = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/orders/stream"))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        try {
            return new SseClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    private void read() {
        Long id = null;
        String name = null;
        var data = new StringBuilder();
        try {
            for (var iterator = lines.iterator(); iterator.hasNext(); ) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id == null ? -1 : id, name, JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the test closed the stream, or the server ended it
        }
    }

    /** The next event within {@code patience}, or null. */
    public Event next(Duration patience) throws InterruptedException {
        return events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every event that comes within {@code quiet} of the one before. */
    public List<Event> drain(Duration quiet) throws InterruptedException {
        var all = new ArrayList<Event>();
        for (Event e = next(quiet); e != null; e = next(quiet)) {
            all.add(e);
        }
        return all;
    }

    /** Whether the server ended the stream (or the test closed it). */
    public boolean ended() {
        return !reader.isAlive();
    }

    public int comments() {
        return comments.get();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
