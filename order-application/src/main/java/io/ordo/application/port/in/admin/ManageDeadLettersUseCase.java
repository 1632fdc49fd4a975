package io.ordo.application.port.in.admin;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** Use case (platform operator): the events projections parked, and retrying them after a fix. */
public interface ManageDeadLettersUseCase {

    List<DeadLetterView> deadLetters(Caller caller);

    /** Retries the parked events of the letter's order, oldest first, stopping at the first that fails again. */
    RetryOutcome retry(Caller caller, String id);
}
