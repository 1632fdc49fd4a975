package io.ordo.domain;

/**
 * What a payment provider last said about an order's payment: its own status word and the references it gave
 * (the payment intent, a transaction hash, an escrow). Any field may be null.
 */
public record PaymentFacts(String status, String intentId, String transactionHash, String escrowId) {

    /** These facts, with each field the newer ones give taking the place of this one's. */
    public PaymentFacts updatedBy(PaymentFacts newer) {
        if (newer == null) {
            return this;
        }
        return new PaymentFacts(
                first(newer.status, status),
                first(newer.intentId, intentId),
                first(newer.transactionHash, transactionHash),
                first(newer.escrowId, escrowId));
    }

    static String first(String newer, String older) {
        return newer != null ? newer : older;
    }
}
