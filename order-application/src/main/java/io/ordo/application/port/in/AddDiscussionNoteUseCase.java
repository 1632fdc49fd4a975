package io.ordo.application.port.in;

/** Use case: add a note to an order's discussion (1–4,000 characters). */
public interface AddDiscussionNoteUseCase {
    NoteView addNote(Caller caller, String orderId, String text);
}
