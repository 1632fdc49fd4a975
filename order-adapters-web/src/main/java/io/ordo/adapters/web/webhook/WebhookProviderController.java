package io.ordo.adapters.web.webhook;

import io.ordo.adapters.web.QueryParameters;
import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.webhook.ManageWebhookProvidersUseCase;
import io.ordo.application.port.in.webhook.WebhookDeliveryPage;
import io.ordo.application.port.in.webhook.WebhookProviderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant admin's webhook providers: register or rotate, list, and read what each sent. */
@RestController
@RequestMapping("/api/webhook-providers")
@Tag(name = "Webhooks")
public class WebhookProviderController {

    /** The largest page of a delivery log. */
    public static final int MAX_LIMIT = 100;

    private final ManageWebhookProvidersUseCase providers;

    public WebhookProviderController(ManageWebhookProvidersUseCase providers) {
        this.providers = providers;
    }

    /** Body of {@code PUT /api/webhook-providers/{name}}. */
    public record ProviderRequest(String kind, String secret) {}

    @PutMapping(
            path = "/{name}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "putWebhookProvider",
            summary = "Register a webhook provider, or rotate its secret (the secret is never answered back)")
    public WebhookProviderView register(
            Authentication auth, @PathVariable String name, @RequestBody ProviderRequest body) {
        return providers.register(OrdoPrincipal.callerOf(auth), name, body.kind(), body.secret());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listWebhookProviders", summary = "The tenant's webhook providers, without secrets")
    public List<WebhookProviderView> list(Authentication auth) {
        return providers.list(OrdoPrincipal.callerOf(auth));
    }

    @GetMapping(path = "/{name}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listWebhookDeliveries", summary = "What the provider sent, newest first")
    public WebhookDeliveryPage deliveries(
            Authentication auth,
            @PathVariable String name,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        return providers.deliveries(
                OrdoPrincipal.callerOf(auth), name, cursor, QueryParameters.limit(limit, MAX_LIMIT));
    }
}
