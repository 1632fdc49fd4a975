package io.ordo.domain.workflow;

import io.ordo.domain.exception.InvalidOrderException;
import java.util.List;
import java.util.Optional;

/** The five workflows Ordo serves, exactly as docs/api.md lists them. */
public final class Workflows {

    /** Orders taken in a customer conversation. */
    public static final Workflow STANDARD = Workflow.named("standard")
            .initial("draft")
            .from("draft")
            .to("pending")
            .from("pending")
            .to("confirmed")
            .from("confirmed")
            .to("shipped")
            .from("shipped")
            .to("delivered")
            .cancelledStatus("cancelled", "draft", "pending", "confirmed", "shipped")
            .terminal("delivered", "cancelled")
            .build();

    /** Shop checkouts with payment. */
    public static final Workflow CHECKOUT = Workflow.named("checkout")
            .initial("created")
            .from("created")
            .to("pending")
            .from("pending")
            .to("paid", "payment_failed")
            .from("payment_failed")
            .to("pending")
            .from("paid")
            .to("processing")
            .from("processing")
            .to("shipped")
            .from("shipped")
            .to("delivered")
            .cancelledStatus("canceled", "created", "pending", "payment_failed", "paid", "processing")
            .terminal("delivered", "canceled")
            .build();

    /** Buyer/seller marketplace orders; the table is the contract's, cell for cell. */
    public static final Workflow MARKETPLACE = Workflow.named("marketplace")
            .initial("payment_pending")
            .from("payment_pending")
            .to("payment_confirmed", "escrow_locked", "cancelled", "failed")
            .from("payment_confirmed")
            .to("order_confirmed", "cancelled", "refunded")
            .from("escrow_locked")
            .to("order_confirmed", "disputed", "cancelled")
            .from("order_confirmed")
            .to("processing", "cancelled")
            .from("processing")
            .to("ready_to_ship", "cancelled")
            .from("ready_to_ship")
            .to("shipped", "cancelled")
            .from("shipped")
            .to("in_transit", "delivered")
            .from("in_transit")
            .to("out_for_delivery", "delivered")
            .from("out_for_delivery")
            .to("delivered")
            .from("delivered")
            .to("completed", "disputed")
            .from("disputed")
            .to("completed", "refunded", "cancelled")
            .cancelledStatus("cancelled")
            .terminal("completed", "cancelled", "refunded", "failed")
            .build();

    /** Made-to-order production with procurement: edits only before production, always justified. */
    public static final Workflow PRODUCTION = Workflow.named("production")
            .initial("awaiting_procurement", "ready_for_production")
            .from("awaiting_procurement")
            .to("ready_for_production", "rejected")
            .from("ready_for_production")
            .to("in_production")
            .from("in_production")
            .to("completed")
            .cancelledStatus("cancelled", "awaiting_procurement", "ready_for_production")
            .terminal("completed", "rejected", "cancelled")
            .editableIn("awaiting_procurement", "ready_for_production")
            .justificationRequired()
            .discussionClosedIn("in_production", "rejected", "completed", "cancelled")
            .build();

    /** Lead-delivery campaigns. */
    public static final Workflow LEAD_CAMPAIGN = Workflow.named("lead_campaign")
            .initial("draft")
            .from("draft")
            .to("active")
            .from("active")
            .to("paused", "completed")
            .from("paused")
            .to("active")
            .cancelledStatus("cancelled", "draft", "active", "paused")
            .terminal("completed", "cancelled")
            .build();

    private static final List<Workflow> ALL = List.of(STANDARD, CHECKOUT, MARKETPLACE, PRODUCTION, LEAD_CAMPAIGN);

    private Workflows() {}

    public static List<Workflow> all() {
        return ALL;
    }

    public static Optional<Workflow> find(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The workflow of that name; an unknown name is a field error on {@code workflow}. */
    public static Workflow named(String name) {
        return find(name)
                .orElseThrow(() -> InvalidOrderException.of(
                        "workflow",
                        "must be one of " + ALL.stream().map(Workflow::name).toList()));
    }
}
