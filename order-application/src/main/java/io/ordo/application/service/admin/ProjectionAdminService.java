package io.ordo.application.service.admin;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.admin.DeadLetterNotFoundException;
import io.ordo.application.port.in.admin.DeadLetterView;
import io.ordo.application.port.in.admin.ManageDeadLettersUseCase;
import io.ordo.application.port.in.admin.ManageProjectionsUseCase;
import io.ordo.application.port.in.admin.ProjectionStatus;
import io.ordo.application.port.in.admin.RetryOutcome;
import io.ordo.application.port.in.admin.UnknownProjectionException;
import io.ordo.application.port.out.DeadLetterPort;
import io.ordo.application.port.out.ProjectionControlPort;
import io.ordo.application.service.AccessPolicy;
import java.util.List;

/** The platform operator's view of the projections: their rebuilds and their parked events. */
public final class ProjectionAdminService implements ManageProjectionsUseCase, ManageDeadLettersUseCase {

    private final ProjectionControlPort control;
    private final DeadLetterPort deadLetters;

    public ProjectionAdminService(ProjectionControlPort control, DeadLetterPort deadLetters) {
        this.control = control;
        this.deadLetters = deadLetters;
    }

    @Override
    public List<DeadLetterView> deadLetters(Caller caller) {
        requireOperator(caller);
        return deadLetters.list();
    }

    @Override
    public RetryOutcome retry(Caller caller, String id) {
        requireOperator(caller);
        long letter;
        try {
            letter = Long.parseLong(id);
        } catch (NumberFormatException notAnId) {
            throw new DeadLetterNotFoundException(id);
        }
        return deadLetters.retry(letter).orElseThrow(() -> new DeadLetterNotFoundException(id));
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
