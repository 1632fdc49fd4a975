package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/** Someone added a note to the order's discussion. */
@Revision("1")
public record DiscussionNoteAdded(OrderId orderId, String noteId, String text, String actor) {}
