package io.ordo.application.port.out;

import io.ordo.application.port.in.admin.ProjectionStatus;
import java.time.Duration;
import java.util.List;

/** Outgoing port: the projections' processors and their blue/green tables. */
public interface ProjectionControlPort {

    List<ProjectionStatus> statuses();

    boolean exists(String name);

    /** Starts rebuilding {@code name} into its idle tables; does nothing if a rebuild is already running. */
    void startReplay(String name);

    /**
     * Waits until the live handler of {@code name} has handled every event stored before the call, on whichever node
     * it runs; false if it has not within {@code within} (or the thread is interrupted). A projection written in the
     * command's transaction has always handled them.
     */
    boolean awaitCaughtUp(String name, Duration within);
}
