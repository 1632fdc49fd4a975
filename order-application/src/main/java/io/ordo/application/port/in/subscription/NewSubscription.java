package io.ordo.application.port.in.subscription;

import java.util.List;

/** A subscription as asked for: where to POST, the shared secret that signs, which event types ({@code *}: all). */
public record NewSubscription(String url, String secret, List<String> events) {}
