package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.ManageProjectionsUseCase;
import io.ordo.application.port.in.ProjectionStatus;
import io.ordo.application.port.in.UnknownProjectionException;
import io.ordo.application.port.out.ProjectionControlPort;
import java.util.List;

/** The platform operator's view of the projections, and their rebuilds. */
public final class ProjectionAdminService implements ManageProjectionsUseCase {

    private final ProjectionControlPort control;

    public ProjectionAdminService(ProjectionControlPort control) {
        this.control = control;
    }

    @Override
    public List<ProjectionStatus> projections(Caller caller) {
        requireOperator(caller);
        return control.statuses();
    }

    @Override
    public void replay(Caller caller, String name) {
        requireOperator(caller);
        if (!control.exists(name)) {
            throw new UnknownProjectionException(name);
        }
        control.startReplay(name);
    }

    private static void requireOperator(Caller caller) {
        if (!caller.hasRole(AccessPolicy.OPERATOR)) {
            throw new ForbiddenException("Only the platform operator manages projections.");
        }
    }
}
