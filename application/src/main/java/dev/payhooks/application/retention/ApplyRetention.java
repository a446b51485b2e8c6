package dev.payhooks.application.retention;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.domain.retention.ExpiredRecords.StoredBody;
import dev.payhooks.domain.retention.PersonalDataRedaction;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scheduled retention job's one use case: deletes what has outlived its retention period,
 * redacts personal data in old notification bodies and removes old transactions' customer
 * contacts ({@link RetentionPolicy}). Each batch is a transaction of its own ({@link UnitOfWork})
 * of at most {@code batchSize} rows, so no lock is held for long and a failure loses one batch at
 * most; a run stops after {@code maxBatches} per kind and the next run goes on. Safe with several
 * instances running it at once: every step is idempotent ({@link ExpiredRecords}). Only the system
 * runs it, so there is no caller to authorize.
 */
public record ApplyRetention(ExpiredRecords records, PersonalDataRedaction redaction, UnitOfWork unitOfWork,
                             Clock clock) {

    /** Rows handled by one run, per kind; {@code complete} is false when a kind hit {@code maxBatches}. */
    public record Report(int notificationsDeleted, int bodiesRedacted, int contactsRedacted, int deliveryAttemptsDeleted,
                         int eventsDeleted, int auditEntriesDeleted, boolean complete) {

        @Override
        public String toString() {
            return "deleted " + notificationsDeleted + " notifications, " + deliveryAttemptsDeleted + " delivery attempts, "
                + eventsDeleted + " events, " + auditEntriesDeleted + " audit entries; redacted " + bodiesRedacted
                + " notification bodies, " + contactsRedacted + " transaction contacts" + (complete ? "" : "; more remains for the next run");
        }
    }

    public Report apply(RetentionPolicy policy) {
        Instant now = clock.instant();
        int limit = policy.batchSize();
        // deleted first: a body about to be deleted is not worth redacting
        Batches notifications = run(policy, policy.notifications(),
            cutoff -> records.deleteFinishedNotifications(cutoff, limit), now);
        int[] contacts = {0};
        Batches redacted = policy.redaction().map(age -> inBatches(policy,
            () -> unitOfWork.inNewTransaction(() -> redactBatch(now.minus(age), policy.redactionBatchSize(), contacts))))
            .orElse(Batches.NONE);
        Batches attempts = run(policy, policy.deliveryAttempts(),
            cutoff -> records.deleteAttemptsOfFinishedDeliveries(cutoff, limit), now);
        Batches events = run(policy, policy.events(), cutoff -> records.deleteFinishedEvents(cutoff, limit), now);
        Batches audit = run(policy, policy.auditEntries(), cutoff -> records.deleteAuditEntries(cutoff, limit), now);
        boolean complete = redacted.complete && notifications.complete && attempts.complete && events.complete && audit.complete;
        return new Report(notifications.rows, redacted.rows, contacts[0], attempts.rows, events.rows, audit.rows, complete);
    }

    private interface Step {
        int apply(Instant cutoff);
    }

    /** Rows handled over a run's batches, and whether the last batch found nothing left. */
    private record Batches(int rows, boolean complete) {
        static final Batches NONE = new Batches(0, true);
    }

    private Batches run(RetentionPolicy policy, Optional<Duration> period, Step step, Instant now) {
        return period.map(kept -> inBatches(policy,
                () -> Batch.deleted(unitOfWork.inNewTransaction(() -> step.apply(now.minus(kept))))))
            .orElse(Batches.NONE);
    }

    /** One batch: the rows it found due, and how many of them this instance handled. */
    private record Batch(int found, int handled) {
        static Batch deleted(int rows) {
            return new Batch(rows, rows);
        }
    }

    /** Runs batches until one finds nothing due (everything is done) or {@code maxBatches} ran. */
    private static Batches inBatches(RetentionPolicy policy, Supplier<Batch> next) {
        int rows = 0;
        for (int i = 0; i < policy.maxBatches(); i++) {
            Batch batch = next.get();
            if (batch.found() == 0) {
                return new Batches(rows, true);
            }
            rows += batch.handled();
        }
        return new Batches(rows, false);
    }

    /**
     * Redacts one batch. Every candidate gets a redacted body (one the redaction cannot read
     * field by field is replaced as a whole), so the next batch moves on; those another instance
     * redacted first count for that instance. The same batch removes the customer contacts kept on
     * transactions unchanged for as long (added to {@code contacts}): the batches go on while
     * either finds something due.
     */
    private Batch redactBatch(Instant receivedBefore, int limit, int[] contacts) {
        List<StoredBody> due = records.unredactedFinishedNotifications(receivedBefore, limit);
        int redacted = 0;
        Instant at = clock.instant();
        for (StoredBody stored : due) {
            if (records.replaceWithRedactedBody(stored.notificationId(), redacted(stored), at)) {
                redacted++;
            }
        }
        int contactsRemoved = records.redactTransactionContacts(receivedBefore, limit);
        contacts[0] += contactsRemoved;
        return new Batch(due.size() + contactsRemoved, redacted);
    }

    private byte[] redacted(StoredBody stored) {
        try {
            return redaction.redact(stored.provider(), stored.contentType(), stored.body());
        } catch (RuntimeException e) {
            // personal data must go even when the body defeats the redaction
            return PersonalDataRedaction.UNREADABLE.getBytes(StandardCharsets.UTF_8);
        }
    }
}
