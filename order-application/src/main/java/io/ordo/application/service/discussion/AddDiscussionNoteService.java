package io.ordo.application.service.discussion;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.discussion.AddDiscussionNoteUseCase;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.AddDiscussionNoteCommand;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Adds notes to an order's discussion and answers with the stored note. */
public final class AddDiscussionNoteService implements AddDiscussionNoteUseCase {

    private final OrderCommands commands;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;
    private final Supplier<UUID> ids;

    public AddDiscussionNoteService(
            CommandGateway gateway, OrderReadModelPort readModel, AccessPolicy policy, Supplier<UUID> ids) {
        this.commands = new OrderCommands(gateway, readModel, policy);
        this.readModel = readModel;
        this.policy = policy;
        this.ids = ids;
    }

    @Override
    public NoteView addNote(Caller caller, String orderId, String text) {
        String noteId = ids.get().toString();
        commands.writeAs(
                caller,
                orderId,
                AccessPolicy.Action.POST_NOTES,
                null,
                expected -> new AddDiscussionNoteCommand(
                        OrderId.parse(orderId).orElseThrow(), noteId, text, caller.userId()));
        var scope = policy.scopeOf(caller).orElseThrow();
        return readModel.notes(scope, OrderId.parse(orderId).orElseThrow()).stream()
                .filter(note -> note.id().equals(noteId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("note " + noteId + " was stored but is not readable"));
    }
}
