package io.ordo.application.port.in;

/** Use case: the workflows Ordo serves, as data. */
public interface ListWorkflowsUseCase {
    java.util.List<io.ordo.domain.Workflow> workflows();
}
