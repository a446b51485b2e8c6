package dev.payhooks.admin.approvals;

import dev.payhooks.application.events.ReplayDeliveries;

/** What the console says after a bulk replay: how many were queued again, or that it waits for approval. */
public final class ReplayOutcome {

    private ReplayOutcome() {
    }

    public static String text(ReplayDeliveries.BulkReplay done) {
        return done.awaitingApproval()
            .map(request -> "Waiting for approval: " + request.deliveries() + " deliveries is above your merchant's four-eyes "
                + "threshold, so nothing was replayed yet. Another staff member approves or rejects it under Approvals "
                + "within 24 hours (request " + request.id() + ").")
            .orElseGet(() -> done.describe() + ".");
    }
}
