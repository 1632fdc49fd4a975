package io.ordo.adapters.web.subscription;

import io.ordo.adapters.web.QueryParameters;
import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.adapters.web.webhook.WebhookProviderController;
import io.ordo.application.port.in.subscription.ManageSubscriptionsUseCase;
import io.ordo.application.port.in.subscription.NewSubscription;
import io.ordo.application.port.in.subscription.NotificationDeliveryPage;
import io.ordo.application.port.in.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant admin's notification subscriptions: each matching event is POSTed, signed, to the URL. */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Notifications")
public class SubscriptionController {

    private final ManageSubscriptionsUseCase subscriptions;

    public SubscriptionController(ManageSubscriptionsUseCase subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Body of {@code POST /api/subscriptions}. */
    public record SubscriptionRequest(String url, String secret, List<String> events) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createSubscription", summary = "Subscribe a URL to the tenant's events")
    public ResponseEntity<SubscriptionView> subscribe(Authentication auth, @RequestBody SubscriptionRequest body) {
        var created = subscriptions.subscribe(
                OrdoPrincipal.callerOf(auth), new NewSubscription(body.url(), body.secret(), body.events()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listSubscriptions", summary = "The tenant's subscriptions, without secrets")
    public List<SubscriptionView> list(Authentication auth) {
        return subscriptions.list(OrdoPrincipal.callerOf(auth));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Remove a subscription; its pending deliveries stop")
    public ResponseEntity<Void> unsubscribe(Authentication auth, @PathVariable String id) {
        subscriptions.unsubscribe(OrdoPrincipal.callerOf(auth), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listSubscriptionDeliveries", summary = "What was sent to the subscriber, newest first")
    public NotificationDeliveryPage deliveries(
            Authentication auth,
            @PathVariable String id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        return subscriptions.deliveries(
                OrdoPrincipal.callerOf(auth),
                id,
                cursor,
                QueryParameters.limit(limit, WebhookProviderController.MAX_LIMIT));
    }
}
