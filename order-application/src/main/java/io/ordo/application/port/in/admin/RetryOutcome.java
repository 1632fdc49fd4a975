package io.ordo.application.port.in.admin;

/** What a retry did: how many parked events of the order were projected now, and how many still wait. */
public record RetryOutcome(int projected, int stillParked) {}
