package io.ordo.adapters.web.order;

import io.ordo.application.port.in.workflow.ListWorkflowsUseCase;
import io.ordo.application.port.in.workflow.WorkflowNotFoundException;
import io.ordo.domain.workflow.Workflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The five workflows as data: the same definitions the aggregate checks every command against. */
@RestController
@RequestMapping(path = "/api/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Workflows")
public class WorkflowController {

    private final ListWorkflowsUseCase workflows;

    public WorkflowController(ListWorkflowsUseCase workflows) {
        this.workflows = workflows;
    }

    @GetMapping
    @Operation(operationId = "listWorkflows", summary = "Every workflow: statuses, moves and rules")
    public List<WorkflowResponse> all() {
        return workflows.workflows().stream().map(WorkflowResponse::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getWorkflow", summary = "One workflow by name")
    public WorkflowResponse one(@PathVariable String name) {
        return workflows.workflows().stream()
                .filter(w -> w.name().equals(name))
                .findFirst()
                .map(WorkflowResponse::of)
                .orElseThrow(() -> new WorkflowNotFoundException(name));
    }

    /** A workflow as {@code GET /api/workflows} answers it. */
    public record WorkflowResponse(
            String name,
            List<String> statuses,
            List<String> initialStatuses,
            List<String> terminalStatuses,
            Map<String, List<String>> transitions,
            String cancelledStatus,
            List<String> editableIn,
            boolean justificationRequired,
            List<String> discussionClosedIn) {

        static WorkflowResponse of(Workflow w) {
            var transitions = new LinkedHashMap<String, List<String>>();
            for (String status : w.statuses()) {
                if (!w.isTerminal(status)) {
                    transitions.put(status, w.transitionsFrom(status));
                }
            }
            return new WorkflowResponse(
                    w.name(),
                    w.statuses(),
                    w.initialStatuses(),
                    w.terminalStatuses(),
                    transitions,
                    w.cancelledStatus(),
                    w.editableIn(),
                    w.justificationRequired(),
                    w.discussionClosedIn());
        }
    }
}
