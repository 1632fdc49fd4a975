package io.ordo.adapters.web.stream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream, in order: events and keep-alives wait in its queue and are written by a shared pool of
 * senders, so a slow client holds up neither the node's feed nor another client. A client that falls more than
 * {@code maxBehind} items behind is disconnected; its {@code EventSource} reconnects with {@code Last-Event-ID} and
 * gets what it missed from the store.
 */
final class Outlet {

    private final SseEmitter emitter;
    private final Executor senders;
    private final int maxBehind;
    private final ArrayDeque<SseEmitter.SseEventBuilder> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;

    Outlet(SseEmitter emitter, Executor senders, int maxBehind) {
        this.emitter = emitter;
        this.senders = senders;
        this.maxBehind = maxBehind;
    }

    void offer(SseEmitter.SseEventBuilder item) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= maxBehind) {
                closed = true;
                queue.clear();
                emitter.completeWithError(new IOException("The client fell " + maxBehind + " events behind"));
                return;
            }
            queue.add(item);
            if (draining) {
                return;
            }
            draining = true;
        }
        senders.execute(this::drain);
    }

    private void drain() {
        while (true) {
            SseEmitter.SseEventBuilder next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                emitter.send(next);
            } catch (IOException | IllegalStateException gone) {
                synchronized (this) {
                    closed = true;
                    queue.clear();
                    draining = false;
                }
                emitter.completeWithError(gone);
                return;
            }
        }
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    /** Ends the stream normally (the service is stopping). */
    void complete() {
        close();
        emitter.complete();
    }
}
