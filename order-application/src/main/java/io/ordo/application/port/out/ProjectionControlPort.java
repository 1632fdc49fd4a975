package io.ordo.application.port.out;

import io.ordo.application.port.in.admin.ProjectionStatus;
import java.util.List;

/** Outgoing port: the projections' processors and their blue/green tables. */
public interface ProjectionControlPort {

    List<ProjectionStatus> statuses();

    boolean exists(String name);

    /** Starts rebuilding {@code name} into its idle tables; does nothing if a rebuild is already running. */
    void startReplay(String name);
}
