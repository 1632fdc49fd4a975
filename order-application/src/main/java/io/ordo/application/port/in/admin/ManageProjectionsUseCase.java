package io.ordo.application.port.in.admin;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** Use case (platform operator): see the projections, and rebuild one from the first event without downtime. */
public interface ManageProjectionsUseCase {

    List<ProjectionStatus> projections(Caller caller);

    /** Starts a rebuild; its queries keep answering from the current tables until the rebuilt ones take over. */
    void replay(Caller caller, String name);
}
