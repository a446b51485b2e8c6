package dev.payhooks.application.reconciliation;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.transactions.TransactionQueries;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.Reconciliations;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * Staff (or the merchant's API) mark a transaction the reconciliation flagged as taken care of,
 * with an optional note; audited. Needs a caller who may change the merchant's configuration
 * (viewers only look); another merchant's transaction is not found. The caller passes the
 * version of the reconciliation it showed (the console always does; the API takes it as
 * {@code version}): when the reconciliation changed since (checked again, flagged for another
 * reason, resolved by someone else), staff decided on something they did not see, so nothing is
 * written and the {@link Conflict} (409, a message in the console) asks them to look again. A
 * change between this read and its write is refused the same way by the store. The caller owns
 * the transaction.
 */
public record ResolveReconciliation(Reconciliations reconciliations, AuditRecorder audit, Clock clock) {

    public Reconciliation resolve(Caller caller, String transactionId, String note, OptionalLong shownVersion) {
        String merchantId = caller.requireMayChange();
        String text = note == null ? "" : note.strip();
        if (text.length() > Reconciliation.MAX_TEXT) {
            throw new InvalidField("note", "must be at most " + Reconciliation.MAX_TEXT + " characters");
        }
        TransactionId id = TransactionQueries.transactionId(transactionId);
        Reconciliation reconciliation = reconciliations.of(merchantId, id)
            .orElseThrow(() -> new NotFound("reconciliation of transaction " + id));
        if (shownVersion.isPresent() && shownVersion.getAsLong() != reconciliation.version()) {
            throw new Conflict("The reconciliation of transaction " + id + " changed after it was shown; look at it again");
        }
        reconciliation.resolve(who(caller), text, clock.instant());
        reconciliations.update(reconciliation);
        audit.record(merchantId, "transaction.resolved", "transaction " + id, text);
        return reconciliation;
    }

    private static String who(Caller caller) {
        if (caller instanceof Caller.Staff staff) {
            return staff.username();
        }
        if (caller instanceof Caller.ApiClient client && client.key() != null) {
            return "API key " + client.key().id();
        }
        return "unknown";
    }
}
