package io.ordo.application.port.in.discussion;

import java.time.Instant;

/** One note of an order's discussion. */
public record NoteView(String id, String by, Instant at, String text) {}
