package io.ordo.application.port.in.admin;

/**
 * Where one projection stands: {@code live}, or {@code replaying} into its idle tables with progress (%),
 * speed and estimated time left (ISO-8601 duration) of the rebuild.
 */
public record ProjectionStatus(
        String name, String state, long position, double progress, Double eventsPerSecond, String eta) {}
