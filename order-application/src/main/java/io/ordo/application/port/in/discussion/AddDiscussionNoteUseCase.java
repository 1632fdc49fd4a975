package io.ordo.application.port.in.discussion;

import io.ordo.application.port.in.Caller;

/** Use case: add a note to an order's discussion (1–4,000 characters). */
public interface AddDiscussionNoteUseCase {
    NoteView addNote(Caller caller, String orderId, String text);
}
