package io.ordo.application.service.discussion;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.discussion.AddDiscussionNoteUseCase;
import io.ordo.application.port.in.discussion.GetDiscussionUseCase;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.application.port.out.ReadLogPort.ReadAccess;
import io.ordo.application.port.out.ReadLogPort.What;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.VisibleOrders;
import io.ordo.domain.Order;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.AddDiscussionNoteCommand;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** An order's discussion: adds notes and answers with the stored note, lists them oldest first. */
public final class DiscussionService implements AddDiscussionNoteUseCase, GetDiscussionUseCase {

    private final OrderWrites writes;
    private final VisibleOrders orders;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;
    private final Supplier<UUID> ids;
    private final ReadLogPort reads;

    public DiscussionService(
            OrderWrites writes,
            VisibleOrders orders,
            OrderReadModelPort readModel,
            AccessPolicy policy,
            Supplier<UUID> ids,
            ReadLogPort reads) {
        this.writes = writes;
        this.orders = orders;
        this.readModel = readModel;
        this.policy = policy;
        this.ids = ids;
        this.reads = reads;
    }

    @Override
    public NoteView addNote(Caller caller, String orderId, String text) {
        Order.requireNoteText(text);
        String noteId = ids.get().toString();
        writes.run(OrderWrite.to(orderId, caller)
                .as(AccessPolicy.Action.POST_NOTES)
                .sending(id -> new AddDiscussionNoteCommand(id, noteId, text, caller.userId())));
        return discussion(caller, orderId).stream()
                .filter(note -> note.id().equals(noteId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("note " + noteId + " was stored but is not readable"));
    }

    @Override
    public List<NoteView> notes(Caller caller, String orderId) {
        var notes = discussion(caller, orderId);
        String id = OrderId.parse(orderId).orElseThrow().toString();
        reads.record(new ReadAccess(caller.tenantId(), caller.userId(), id, What.NOTES, null));
        return notes;
    }

    private List<NoteView> discussion(Caller caller, String orderId) {
        OrderId id = orders.require(caller, orderId, AccessPolicy.Action.READ_NOTES);
        return readModel.notes(policy.scopeOf(caller).orElseThrow(), id);
    }
}
