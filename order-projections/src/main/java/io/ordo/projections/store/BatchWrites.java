package io.ordo.projections.store;

import io.ordo.projections.deadletter.ProjectionDeadLetters;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Writes a streaming batch makes once, at its end: handlers gather their rows in a per-batch buffer, and the
 * buffer is written (one JDBC batch per statement) just before the batch's transaction commits, in the same
 * transaction as the processor's token. Outside a unit of work, or for an event the dead-letter interceptor runs
 * alone under a savepoint, there is no buffer: the handler writes at once.
 */
public final class BatchWrites {

    private BatchWrites() {}

    /** Whether handlers should write at once instead of buffering. */
    public static boolean immediate() {
        return !CurrentUnitOfWork.isStarted() || ProjectionDeadLetters.isolated();
    }

    /**
     * The buffer named {@code key} of the current batch, created by {@code create} on first use and written by
     * {@code flush} when the batch commits.
     */
    public static <T> T buffer(String key, Supplier<T> create, Consumer<T> flush) {
        var root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T buffer = create.get();
            root.onPrepareCommit(u -> flush.accept(buffer));
            return buffer;
        });
    }
}
