package io.ordo.application.port.in.workflow;

import io.ordo.domain.workflow.Workflow;
import java.util.List;

/** Use case: the workflows Ordo serves, as data. */
public interface ListWorkflowsUseCase {
    List<Workflow> workflows();
}
