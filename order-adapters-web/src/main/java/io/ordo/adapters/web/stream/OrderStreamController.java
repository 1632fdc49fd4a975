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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/orders/stream}: the events of the orders the caller may see, as Server-Sent Events. Each open
 * stream is an asynchronous request (no thread waits for it between events); a comment line every
 * {@code ordo.stream.keep-alive} keeps idle connections open through proxies and finds clients that left.
 */
@RestController
@Tag(name = "Orders")
public class OrderStreamController {

    private final WatchOrdersUseCase stream;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
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
        var watch = stream.watch(OrdoPrincipal.callerOf(auth), after, event -> send(emitter, event));
        open.add(emitter);
        Runnable end = () -> {
            open.remove(emitter);
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

    private static void send(SseEmitter emitter, LiveEvent event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("orderId", event.orderId());
        data.put("orderNumber", event.orderNumber());
        data.put("sequence", event.sequence());
        data.put("type", event.type());
        data.put("at", event.at().toString());
        data.put("by", event.by());
        data.put("status", event.status());
        try {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            throw new UncheckedIOException(gone instanceof IOException io ? io : new IOException(gone));
        }
    }

    private void keepAlive() {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                open.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    /** Open streams on this node. */
    public int openStreams() {
        return open.size();
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        for (SseEmitter emitter : open) {
            emitter.complete();
        }
    }
}
