package io.ordo.application.port.in.subscription;

import java.time.Instant;
import java.util.List;

/** A subscription, without its secret. */
public record SubscriptionView(String id, String url, List<String> events, Instant createdAt) {}
