package io.ordo.domain.workflow;

import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of order's workflow, as data: its statuses, which are initial and terminal, the moves between
 * them, the cancelled status and the rules on editing and discussion. The aggregate and
 * {@code GET /api/workflows} read the same instance.
 *
 * @param statuses              every status, in the order the contract lists them
 * @param initialStatuses       statuses an order may start in; the first is the default
 * @param terminalStatuses      statuses with no way out
 * @param transitions           from → the statuses reachable in one move (cancellation included)
 * @param cancelledStatus       where {@code …/cancel} leads
 * @param editableIn            statuses in which the details may be patched
 * @param justificationRequired whether patches and cancellations must say why
 * @param discussionClosedIn    statuses in which no discussion note may be added
 */
public record Workflow(
        String name,
        List<String> statuses,
        List<String> initialStatuses,
        List<String> terminalStatuses,
        Map<String, List<String>> transitions,
        String cancelledStatus,
        List<String> editableIn,
        boolean justificationRequired,
        List<String> discussionClosedIn) {

    public Workflow {
        Objects.requireNonNull(name, "name");
        statuses = List.copyOf(statuses);
        initialStatuses = List.copyOf(initialStatuses);
        terminalStatuses = List.copyOf(terminalStatuses);
        var copy = new LinkedHashMap<String, List<String>>();
        transitions.forEach((from, to) -> copy.put(from, List.copyOf(to)));
        transitions = Collections.unmodifiableMap(copy);
        editableIn = List.copyOf(editableIn);
        discussionClosedIn = List.copyOf(discussionClosedIn);
        var known = Set.copyOf(statuses);
        requireKnown(known, initialStatuses, "initial");
        requireKnown(known, terminalStatuses, "terminal");
        requireKnown(known, editableIn, "editable");
        requireKnown(known, discussionClosedIn, "discussion-closed");
        requireKnown(known, List.of(cancelledStatus), "cancelled");
        for (var move : transitions.entrySet()) {
            requireKnown(known, List.of(move.getKey()), "transition source");
            requireKnown(known, move.getValue(), "transition target");
            if (terminalStatuses.contains(move.getKey()) && !move.getValue().isEmpty()) {
                throw new IllegalArgumentException(name + ": terminal status " + move.getKey() + " has a way out");
            }
        }
    }

    private static void requireKnown(Set<String> known, List<String> names, String what) {
        for (String status : names) {
            if (!known.contains(status)) {
                throw new IllegalArgumentException(what + " status " + status + " is not a status");
            }
        }
    }

    public boolean hasStatus(String status) {
        return statuses.contains(status);
    }

    public boolean isTerminal(String status) {
        return terminalStatuses.contains(status);
    }

    public boolean isEditable(String status) {
        return editableIn.contains(status);
    }

    public boolean isDiscussionClosed(String status) {
        return discussionClosedIn.contains(status);
    }

    /** Statuses reachable from {@code status} in one move, sorted by name. */
    public List<String> transitionsFrom(String status) {
        var to = new ArrayList<>(transitions.getOrDefault(status, List.of()));
        to.sort(null);
        return List.copyOf(to);
    }

    public boolean allows(String from, String to) {
        return transitions.getOrDefault(from, List.of()).contains(to);
    }

    /** A status this workflow does not have is a field error of {@code status} (400), not a refused move (409). */
    public void requireStatus(String status) {
        if (!hasStatus(status)) {
            throw InvalidOrderException.of("status", "'%s' is not a status of workflow '%s'".formatted(status, name));
        }
    }

    /** Where the workflow asks for one (production), a change of the order's details must say why. */
    public void requireJustification(String justification) {
        if (justificationRequired && (justification == null || justification.isBlank())) {
            throw InvalidOrderException.of("justification", "is required to change a " + name + " order");
        }
    }

    /** The status a new order starts in: the requested one if it is initial, else the default. */
    public String initialStatus(String requested) {
        if (requested == null) {
            return initialStatuses.get(0);
        }
        requireStatus(requested);
        if (!initialStatuses.contains(requested)) {
            throw InvalidOrderException.of(
                    "status",
                    "'%s' is not an initial status of workflow '%s' (initial: %s)"
                            .formatted(requested, name, initialStatuses));
        }
        return requested;
    }

    /** Checks a move; names the status field when the target is not a status of this workflow at all. */
    public void requireTransition(String from, String to) {
        requireStatus(to);
        if (!allows(from, to)) {
            throw new InvalidTransitionException(name, from, to);
        }
    }

    /** Builder that reads like the contract: {@code from("draft").to("pending", "cancelled")}. */
    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final Set<String> statuses = new LinkedHashSet<>();
        private final List<String> initial = new ArrayList<>();
        private final List<String> terminal = new ArrayList<>();
        private final Map<String, List<String>> transitions = new LinkedHashMap<>();
        private String cancelled;
        private List<String> editableIn;
        private boolean justificationRequired;
        private List<String> discussionClosedIn;
        private String pendingFrom;

        private Builder(String name) {
            this.name = name;
        }

        Builder initial(String... names) {
            initial.addAll(List.of(names));
            statuses.addAll(List.of(names));
            return this;
        }

        Builder from(String from) {
            pendingFrom = from;
            statuses.add(from);
            return this;
        }

        Builder to(String... targets) {
            transitions.computeIfAbsent(pendingFrom, k -> new ArrayList<>()).addAll(List.of(targets));
            statuses.addAll(List.of(targets));
            return this;
        }

        Builder cancelledStatus(String status, String... from) {
            cancelled = status;
            statuses.add(status);
            for (String source : from) {
                transitions.computeIfAbsent(source, k -> new ArrayList<>()).add(status);
            }
            return this;
        }

        Builder terminal(String... names) {
            terminal.addAll(List.of(names));
            return this;
        }

        Builder editableIn(String... names) {
            editableIn = List.of(names);
            return this;
        }

        Builder justificationRequired() {
            justificationRequired = true;
            return this;
        }

        Builder discussionClosedIn(String... names) {
            discussionClosedIn = List.of(names);
            return this;
        }

        Workflow build() {
            // the contract's reading order: initial statuses, the others with a way out, then the terminal ones
            var ordered = new LinkedHashSet<String>(initial);
            ordered.addAll(transitions.keySet());
            ordered.addAll(terminal);
            ordered.addAll(statuses);
            var all = List.copyOf(ordered);
            var editable = editableIn != null
                    ? editableIn
                    : all.stream().filter(s -> !terminal.contains(s)).toList();
            var closed = discussionClosedIn != null ? discussionClosedIn : List.copyOf(terminal);
            return new Workflow(
                    name, all, initial, terminal, transitions, cancelled, editable, justificationRequired, closed);
        }
    }
}
