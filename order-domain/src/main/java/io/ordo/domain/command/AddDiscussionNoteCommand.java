package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a note to the order's discussion; the caller chose the note's id. */
public record AddDiscussionNoteCommand(
        @TargetAggregateIdentifier OrderId orderId, String noteId, String text, String actor) {}
