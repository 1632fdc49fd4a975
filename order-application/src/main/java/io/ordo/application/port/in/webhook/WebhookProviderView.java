package io.ordo.application.port.in.webhook;

import java.time.Instant;

/** A registered provider, without its secret. */
public record WebhookProviderView(String name, String kind, Instant createdAt) {}
