package io.ordo.domain.exception;

/** The order's workflow closes its discussion in this status. */
public final class DiscussionClosedException extends OrdoException {

    public DiscussionClosedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "DISCUSSION_CLOSED";
    }
}
