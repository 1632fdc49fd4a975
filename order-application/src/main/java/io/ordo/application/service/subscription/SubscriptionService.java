package io.ordo.application.service.subscription;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.subscription.ManageSubscriptionsUseCase;
import io.ordo.application.port.in.subscription.NewSubscription;
import io.ordo.application.port.in.subscription.NotificationDeliveryPage;
import io.ordo.application.port.in.subscription.SubscriptionNotFoundException;
import io.ordo.application.port.in.subscription.SubscriptionView;
import io.ordo.application.port.out.subscription.SubscriptionPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.webhook.WebhookService;
import io.ordo.domain.event.OrderEventTypes;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant admin's subscriptions (docs/api.md, "Outbound notifications"). */
public final class SubscriptionService implements ManageSubscriptionsUseCase {

    public static final String ALL_EVENTS = "*";
    private static final int MAX_URL = 2000;

    private final SubscriptionPort subscriptions;
    private final PrivateTargets targets;
    private final AccessPolicy policy;

    public SubscriptionService(SubscriptionPort subscriptions, PrivateTargets targets, AccessPolicy policy) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.policy = policy;
    }

    @Override
    public SubscriptionView subscribe(Caller caller, NewSubscription subscription) {
        var errors = new ArrayList<FieldViolation>();
        String url = subscription.url();
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            errors.add(new FieldViolation("url", "is required, at most 2000 characters"));
        } else {
            targets.refusal(url).ifPresent(why -> errors.add(new FieldViolation("url", why)));
        }
        WebhookService.requireSecret(subscription.secret(), errors);
        List<String> events = subscription.events();
        if (events == null || events.isEmpty()) {
            errors.add(new FieldViolation("events", "must name event types, or [\"*\"] for all"));
        } else {
            for (int i = 0; i < events.size(); i++) {
                String type = events.get(i);
                if (!ALL_EVENTS.equals(type) && !OrderEventTypes.NAMES.contains(type)) {
                    errors.add(new FieldViolation("events[" + i + "]", "must be * or one of " + OrderEventTypes.NAMES));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        return subscriptions.save(caller.tenantId(), url, subscription.secret(), List.copyOf(events));
    }

    @Override
    public List<SubscriptionView> list(Caller caller) {
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        return subscriptions.list(caller.tenantId());
    }

    @Override
    public void unsubscribe(Caller caller, String id) {
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        if (!subscriptions.delete(caller.tenantId(), parse(id))) {
            throw new SubscriptionNotFoundException(id);
        }
    }

    @Override
    public NotificationDeliveryPage deliveries(Caller caller, String id, String cursor, int limit) {
        policy.require(caller, AccessPolicy.Action.INTEGRATIONS);
        UUID subscription = parse(id);
        if (!subscriptions.exists(caller.tenantId(), subscription)) {
            throw new SubscriptionNotFoundException(id);
        }
        return subscriptions.deliveries(subscription, cursor, limit);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SubscriptionNotFoundException(id);
        }
    }
}
