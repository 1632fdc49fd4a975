package io.ordo.application.port.in.webhook;

import io.ordo.domain.workflow.ProviderKind;

/** A provider whose webhook signature was verified: it speaks for its tenant, and for nothing else. */
public record VerifiedProvider(String tenant, String name, ProviderKind kind) {}
