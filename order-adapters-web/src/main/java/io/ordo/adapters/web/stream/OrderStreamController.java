package io.ordo.adapters.web.stream;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.stream.LiveEvent;
import io.ordo.application.port.in.stream.WatchOrdersUseCase;
import io.ordo.domain.exception.InvalidOrderException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/orders/stream}: the events of the orders the caller may see, as Server-Sent Events. Each open
 * stream is an asynchronous request (no thread waits for it between events), written by a small pool of senders
 * through its {@link Outlet}, so a slow client holds up no one else; a comment line every
 * {@code ordo.stream.keep-alive} keeps idle connections open through proxies and finds clients that left.
 */
@RestController
@Tag(name = "Orders")
public class OrderStreamController {

    /** How far a client may fall behind before it is cut off: more than a resume may replay. */
    static final int MAX_BEHIND = 12_000;

    private final WatchOrdersUseCase stream;
    private final Set<Outlet> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        var thread = new Thread(runnable, "ordo-stream-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "ordo-stream-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    public OrderStreamController(
            WatchOrdersUseCase stream, @Value("${ordo.stream.keep-alive:15s}") Duration keepAliveEvery) {
        this.stream = stream;
        long millis = keepAliveEvery.toMillis();
        keepAlive.scheduleWithFixedDelay(this::keepAlive, millis, millis, TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = "/api/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamOrderEvents",
            summary = "The events of the orders you may see, live (Server-Sent Events); resume with Last-Event-ID",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "id: the event's position; event: its type; data: {orderId, orderNumber, "
                                    + "sequence, type, at, by, status}; a comment line every 15 s",
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                            schema = @Schema(type = "string"))))
    public SseEmitter stream(
            Authentication auth,
            @Parameter(description = "The id of the last event received: the stream first sends the events after it")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId) {
        Long after = position(lastEventId);
        var emitter = new SseEmitter(0L);
        var outlet = new Outlet(emitter, senders, MAX_BEHIND);
        var watch = stream.watch(OrdoPrincipal.callerOf(auth), after, event -> outlet.offer(event(event)));
        open.add(outlet);
        Runnable end = () -> {
            open.remove(outlet);
            outlet.close();
            watch.close();
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        return emitter;
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.strip());
            if (position >= -1) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw InvalidOrderException.of("Last-Event-ID", "must be an event id this stream gave out");
    }

    private static SseEmitter.SseEventBuilder event(LiveEvent event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("orderId", event.orderId());
        data.put("orderNumber", event.orderNumber());
        data.put("sequence", event.sequence());
        data.put("type", event.type());
        data.put("at", event.at().toString());
        data.put("by", event.by());
        data.put("status", event.status());
        return SseEmitter.event()
                .id(Long.toString(event.position()))
                .name(event.type())
                .data(data, MediaType.APPLICATION_JSON);
    }

    private void keepAlive() {
        for (Outlet outlet : open) {
            outlet.offer(SseEmitter.event().comment("keep-alive"));
        }
    }

    /** Open streams on this node. */
    public int openStreams() {
        return open.size();
    }

    /**
     * The service is stopping: every stream ends now, before the web server's graceful shutdown would wait for them;
     * the clients reconnect (to another node) with Last-Event-ID.
     */
    @EventListener(ContextClosedEvent.class)
    public void endStreams() {
        open.forEach(Outlet::complete);
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        senders.shutdownNow();
        open.forEach(Outlet::close);
    }
}
