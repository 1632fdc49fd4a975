package io.ordo.application.port.out;

import io.ordo.application.port.in.admin.DeadLetterView;
import io.ordo.application.port.in.admin.RetryOutcome;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the parked events of the streaming projections. */
public interface DeadLetterPort {

    List<DeadLetterView> list();

    /** Empty when no letter has that id. */
    Optional<RetryOutcome> retry(long id);
}
