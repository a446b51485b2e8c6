package dev.payhooks.admin.approvals;

import dev.payhooks.application.events.ReplayDeliveries;

import java.util.Optional;

/** What the console says after a bulk replay: how many were queued again, or that it waits for approval. */
public final class ReplayOutcome {

    private ReplayOutcome() {
    }

    /** What a confirmation of a bulk replay of {@code count} adds when four-eyes will hold it; empty otherwise. */
    public static String heldNote(Optional<Integer> threshold, int count) {
        return threshold.filter(above -> count > above)
            .map(above -> " That is above your merchant's four-eyes threshold (" + above + "): it waits under Approvals "
                + "until another staff member approves it.")
            .orElse("");
    }

    public static String text(ReplayDeliveries.BulkReplay done) {
        return done.awaitingApproval()
            .map(request -> "Waiting for approval: " + request.deliveries() + " deliveries is above your merchant's four-eyes "
                + "threshold, so nothing was replayed yet. Another staff member approves or rejects it under Approvals "
                + "within 24 hours (request " + request.id() + ").")
            .orElseGet(() -> done.describe() + ".");
    }
}
