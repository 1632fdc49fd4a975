package io.ordo.application.port.in;

import io.ordo.domain.Workflow;
import java.util.List;

/** Use case: the workflows Ordo serves, as data. */
public interface ListWorkflowsUseCase {
    List<Workflow> workflows();
}
