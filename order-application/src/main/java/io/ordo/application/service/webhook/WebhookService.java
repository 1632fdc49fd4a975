package io.ordo.application.service.webhook;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.webhook.ManageWebhookProvidersUseCase;
import io.ordo.application.port.in.webhook.ProviderEvent;
import io.ordo.application.port.in.webhook.ReceiveWebhookUseCase;
import io.ordo.application.port.in.webhook.UnauthenticatedException;
import io.ordo.application.port.in.webhook.VerifiedProvider;
import io.ordo.application.port.in.webhook.WebhookDeliveryPage;
import io.ordo.application.port.in.webhook.WebhookDeliveryView;
import io.ordo.application.port.in.webhook.WebhookOutcome;
import io.ordo.application.port.in.webhook.WebhookProviderNotFoundException;
import io.ordo.application.port.in.webhook.WebhookProviderView;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.application.port.out.webhook.WebhookDeliveryPort;
import io.ordo.application.port.out.webhook.WebhookProviderPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.signing.Signatures;
import io.ordo.domain.OrderId;
import io.ordo.domain.PaymentFacts;
import io.ordo.domain.ShippingFacts;
import io.ordo.domain.command.RecordProviderEventCommand;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import io.ordo.domain.workflow.ProviderKind;
import io.ordo.domain.workflow.ProviderMappings;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Webhooks in (docs/api.md, "Inbound webhooks"). A provider's event moves the order only as {@link ProviderMappings}
 * maps the provider's word onto the order's workflow, as the provider itself (a machine caller that may do that and
 * nothing else, in its own tenant). Each provider event id is applied once: the delivery row, written with the
 * order's events in their transaction, has a unique key, so a second delivery of the id, also one racing the first,
 * finds it and changes nothing.
 */
public final class WebhookService implements ManageWebhookProvidersUseCase, ReceiveWebhookUseCase {

    public static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    private static final int MAX_TEXT = 200;
    private static final int ATTEMPTS = 3;
    /** Verifying against this when the provider is unknown costs the same time as a known one's check. */
    private static final String NO_SECRET = "no-such-provider-secret";

    private final WebhookProviderPort providers;
    private final WebhookDeliveryPort deliveries;
    private final OrderReadModelPort orders;
    private final OrderWrites writes;
    private final AccessPolicy policy;
    private final Clock clock;

    public WebhookService(
            WebhookProviderPort providers,
            WebhookDeliveryPort deliveries,
            OrderReadModelPort orders,
            OrderWrites writes,
            AccessPolicy policy,
            Clock clock) {
        this.providers = providers;
        this.deliveries = deliveries;
        this.orders = orders;
        this.writes = writes;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public WebhookProviderView register(Caller caller, String name, String kind, String secret) {
        var errors = new ArrayList<FieldViolation>();
        if (name == null || !PROVIDER_NAME.matcher(name).matches()) {
            errors.add(new FieldViolation("name", "must be 1 to 40 of a-z, 0-9 and -"));
        }
        if (kind == null || ProviderKind.fromWire(kind).isEmpty()) {
            errors.add(new FieldViolation("kind", "must be payments or shipping"));
        }
        requireSecret(secret, errors);
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        return providers.save(caller.tenantId(), name, kind, secret);
    }

    /** A shared secret's rule, for providers and subscriptions alike: 16 to 200 characters. */
    public static void requireSecret(String secret, List<FieldViolation> errors) {
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(new FieldViolation("secret", "must be 16 to 200 characters"));
        }
    }

    @Override
    public List<WebhookProviderView> list(Caller caller) {
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        return providers.list(caller.tenantId());
    }

    @Override
    public WebhookDeliveryPage deliveries(Caller caller, String name, String cursor, int limit) {
        policy.require(caller, AccessPolicy.Action.WEBHOOK_DELIVERIES);
        if (name == null
                || !PROVIDER_NAME.matcher(name).matches()
                || providers.find(caller.tenantId(), name).isEmpty()) {
            throw new WebhookProviderNotFoundException(name);
        }
        return deliveries.page(caller.tenantId(), name, cursor, limit);
    }

    @Override
    public VerifiedProvider authenticate(String tenant, String provider, String signature, byte[] body) {
        Optional<WebhookProviderPort.Registered> registered = tenant == null
                        || provider == null
                        || !PROVIDER_NAME.matcher(provider).matches()
                ? Optional.empty()
                : providers.find(tenant, provider);
        String secret = registered.map(WebhookProviderPort.Registered::secret).orElse(NO_SECRET);
        boolean valid = Signatures.verify(secret, signature, body, clock.instant());
        if (!valid || registered.isEmpty()) {
            throw new UnauthenticatedException();
        }
        return new VerifiedProvider(
                tenant, provider, ProviderKind.fromWire(registered.get().kind()).orElseThrow());
    }

    @Override
    public WebhookOutcome receive(VerifiedProvider provider, ProviderEvent event) {
        LocalDate estimatedDelivery = requireValid(event);
        Caller caller = AccessPolicy.provider(provider.tenant(), provider.name());
        for (int attempt = 1; ; attempt++) {
            Optional<WebhookDeliveryView> seen = deliveries.find(provider.tenant(), provider.name(), event.id());
            if (seen.isPresent()) {
                return duplicate(seen.get());
            }
            OrderView order = orderOf(provider.tenant(), event);
            policy.require(caller, AccessPolicy.Action.PROVIDER_MOVE);
            Optional<String> refusal = refusal(provider.kind(), event.status(), order);
            if (refusal.isPresent()) {
                return rejected(provider, event, order, refusal.get());
            }
            String target = ProviderMappings.target(provider.kind(), event.status(), order.workflow())
                    .orElseThrow();
            var command = new RecordProviderEventCommand(
                    OrderId.parse(order.id()).orElseThrow(),
                    provider.name(),
                    event.id(),
                    event.status(),
                    target,
                    provider.kind() == ProviderKind.PAYMENTS ? payment(event) : null,
                    provider.kind() == ProviderKind.SHIPPING ? shipping(event, estimatedDelivery) : null);
            try {
                writes.send(command, caller, Map.of("webhookEventId", event.id()));
                return new WebhookOutcome(WebhookOutcome.APPLIED, order.id(), target, null);
            } catch (InvalidTransitionException movedMeanwhile) {
                return rejected(provider, event, order, movedMeanwhile.getMessage());
            } catch (ConcurrencyException lostRace) {
                // another write to the order got in first: judge the move again against where it stands now
                retryOrThrow(attempt, lostRace);
            } catch (RuntimeException failed) {
                // the same event id racing in: its delivery row's unique key refused this one's transaction
                var raced = deliveries.find(provider.tenant(), provider.name(), event.id());
                if (raced.isPresent()) {
                    return duplicate(raced.get());
                }
                throw failed;
            }
        }
    }

    private static void retryOrThrow(int attempt, RuntimeException lostRace) {
        if (attempt >= ATTEMPTS) {
            throw lostRace;
        }
    }

    private OrderView orderOf(String tenant, ProviderEvent event) {
        OrderScope scope = OrderScope.tenant(tenant);
        if (event.orderId() != null) {
            return OrderId.parse(event.orderId())
                    .flatMap(id -> orders.find(scope, id))
                    .orElseThrow(() -> new OrderNotFoundException(event.orderId()));
        }
        return orders.findByNumber(scope, event.orderNumber())
                .orElseThrow(() -> new OrderNotFoundException(event.orderNumber()));
    }

    /** Why the provider's word is no move for this order now, if it is none. */
    private static Optional<String> refusal(ProviderKind kind, String said, OrderView order) {
        if (!ProviderMappings.knows(kind, said)) {
            return Optional.of("A %s provider's status '%s' is not one Ordo knows.".formatted(kind.wireName(), said));
        }
        Optional<String> target = ProviderMappings.target(kind, said, order.workflow());
        if (target.isEmpty()) {
            return Optional.of("A %s provider's status '%s' moves no %s order."
                    .formatted(kind.wireName(), said, order.workflow()));
        }
        Workflow workflow = Workflows.named(order.workflow());
        if (!workflow.allows(order.status(), target.get())) {
            return Optional.of(
                    new InvalidTransitionException(workflow.name(), order.status(), target.get()).getMessage());
        }
        return Optional.empty();
    }

    private WebhookOutcome rejected(VerifiedProvider provider, ProviderEvent event, OrderView order, String reason) {
        var delivery = new WebhookDeliveryView(
                event.id(), clock.instant(), order.id(), event.status(), WebhookOutcome.REJECTED, reason);
        if (!deliveries.recordRejected(provider.tenant(), provider.name(), delivery)) {
            return deliveries
                    .find(provider.tenant(), provider.name(), event.id())
                    .map(WebhookService::duplicate)
                    .orElseThrow();
        }
        return new WebhookOutcome(WebhookOutcome.REJECTED, order.id(), order.status(), reason);
    }

    private static WebhookOutcome duplicate(WebhookDeliveryView first) {
        return new WebhookOutcome(WebhookOutcome.DUPLICATE, first.orderId(), null, null);
    }

    private static PaymentFacts payment(ProviderEvent event) {
        return new PaymentFacts(event.status(), event.paymentIntentId(), event.transactionHash(), event.escrowId());
    }

    private static ShippingFacts shipping(ProviderEvent event, LocalDate estimatedDelivery) {
        return new ShippingFacts(event.carrier(), event.trackingNumber(), event.location(), estimatedDelivery);
    }

    /** The body's own rules: an id and a status word, the order named, short texts, a real date. */
    private static LocalDate requireValid(ProviderEvent event) {
        var errors = new ArrayList<FieldViolation>();
        requireText("id", event.id(), errors);
        requireText("status", event.status(), errors);
        if (event.orderId() == null && event.orderNumber() == null) {
            errors.add(new FieldViolation("orderId", "orderId or orderNumber is required"));
        }
        for (var field : List.of(
                Map.entry("id", String.valueOf(event.id())),
                Map.entry("status", String.valueOf(event.status())),
                Map.entry("orderId", String.valueOf(event.orderId())),
                Map.entry("orderNumber", String.valueOf(event.orderNumber())),
                Map.entry("paymentIntentId", String.valueOf(event.paymentIntentId())),
                Map.entry("transactionHash", String.valueOf(event.transactionHash())),
                Map.entry("escrowId", String.valueOf(event.escrowId())),
                Map.entry("amount", String.valueOf(event.amount())),
                Map.entry("currency", String.valueOf(event.currency())),
                Map.entry("carrier", String.valueOf(event.carrier())),
                Map.entry("trackingNumber", String.valueOf(event.trackingNumber())),
                Map.entry("location", String.valueOf(event.location())))) {
            if (field.getValue().length() > MAX_TEXT) {
                errors.add(new FieldViolation(field.getKey(), "must be at most 200 characters"));
            }
        }
        LocalDate estimated = null;
        if (event.estimatedDelivery() != null) {
            try {
                estimated = LocalDate.parse(event.estimatedDelivery());
            } catch (DateTimeParseException e) {
                errors.add(new FieldViolation("estimatedDelivery", "must be a date like 2026-12-09"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return estimated;
    }

    private static void requireText(String field, String value, List<FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldViolation(field, "is required"));
        }
    }
}
