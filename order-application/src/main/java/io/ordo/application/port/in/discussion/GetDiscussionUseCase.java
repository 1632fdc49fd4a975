package io.ordo.application.port.in.discussion;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** Use case: an order's discussion, oldest note first. */
public interface GetDiscussionUseCase {
    List<NoteView> notes(Caller caller, String orderId);
}
