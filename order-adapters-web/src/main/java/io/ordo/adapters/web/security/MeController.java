package io.ordo.adapters.web.security;

import io.ordo.application.port.in.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the service sees them: what a client (the console) needs to show what the caller may do. */
@RestController
@Tag(name = "Caller")
public class MeController {

    /** The caller: user id, tenant (null for the operator), roles, and the location or customer it is bound to. */
    public record Me(String userId, String tenant, List<String> roles, String location, String customerId) {}

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getMe",
            summary = "Who you are signed in as: user id, tenant, roles, location and customer id (everyone)")
    public Me me(Authentication auth) {
        Caller caller = OrdoPrincipal.callerOf(auth);
        return new Me(
                caller.userId(),
                caller.tenantId(),
                caller.roles().stream().sorted().toList(),
                caller.location(),
                caller.customerId());
    }
}
