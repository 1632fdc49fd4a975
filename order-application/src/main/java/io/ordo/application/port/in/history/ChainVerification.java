package io.ordo.application.port.in.history;

/** The outcome of re-computing an order's hash chain: valid over {@code events}, or broken at a sequence. */
public record ChainVerification(boolean valid, Long events, Long brokenAt) {

    public static ChainVerification valid(long events) {
        return new ChainVerification(true, events, null);
    }

    public static ChainVerification brokenAt(long sequence) {
        return new ChainVerification(false, null, sequence);
    }
}
