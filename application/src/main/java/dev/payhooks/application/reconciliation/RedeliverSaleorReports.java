package dev.payhooks.application.reconciliation;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.TransactionReportDelivery;
import dev.payhooks.application.saleor.TransactionReportDelivery.Answer;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation job's second use case: Saleor {@code transactionEventReport}s the sender
 * gave up undelivered ({@link TransactionReport#redeliverable()}; never those Saleor refused) are
 * sent again through {@link TransactionReportDelivery}, outside any database transaction, at most
 * the policy's {@code maxAttempts} times at its intervals. Taken → SENT; refused → FAILED for
 * good; after the last try the report's transaction is flagged for staff (a reconciliation
 * NEEDS_ATTENTION with the reason, audited as {@code transaction.flagged}). A report belongs to one
 * merchant's installation: its transaction is looked up and flagged in that merchant's data only.
 * Several instances may run it: reports are claimed ({@link TransactionReports#claimUndelivered}).
 * A reconciliation another writer changed between this flag's read and its write (a check, staff,
 * another flag) is read again and flagged on top of that change; one changed once more meanwhile
 * leaves the report to be sent again when its claim ends. Only the system runs it, so there is no
 * caller to authorize.
 */
public record RedeliverSaleorReports(TransactionReports reports, TransactionReportDelivery saleor,
                                     PaymentTransactions transactions, Reconciliations reconciliations, AuditRecorder audit,
                                     UnitOfWork units, Clock clock) {

    /** How long one instance holds a report it sends again: far above a Saleor call's bound. */
    public static final Duration LEASE = Duration.ofMinutes(5);

    /**
     * What one run did: reports sent again, of which Saleor took ({@code reported}) or refused,
     * and those whose last try failed so that their transaction was flagged for staff.
     */
    public record Report(int resent, int reported, int refused, int flagged) {

        @Override
        public String toString() {
            return "Saleor reports sent again " + resent + " (taken " + reported + ", refused " + refused
                + ", flagged for staff " + flagged + ")";
        }
    }

    private enum Verdict { REPORTED, REFUSED, UNDELIVERED, FLAGGED }

    public Report run(ReconciliationPolicy policy) {
        List<TransactionReport> due = units.inNewTransaction(() ->
            reports.claimUndelivered(policy.batchSize(), clock.instant(), LEASE));
        int reported = 0;
        int refused = 0;
        int flagged = 0;
        for (TransactionReport report : due) {
            switch (redeliver(report, policy)) {
                case REPORTED -> reported++;
                case REFUSED -> refused++;
                case FLAGGED -> flagged++;
                case UNDELIVERED -> { }
            }
        }
        return new Report(due.size(), reported, refused, flagged);
    }

    private Verdict redeliver(TransactionReport report, ReconciliationPolicy policy) {
        Answer answer = send(report);
        Instant at = clock.instant();
        Verdict verdict;
        if (answer instanceof Answer.Taken) {
            report.sent(at);
            verdict = Verdict.REPORTED;
        } else if (answer instanceof Answer.Refused refusal) {
            report.refused(refusal.reason(), at);
            verdict = Verdict.REFUSED;
        } else {
            boolean last = report.stillUndelivered(((Answer.NotDelivered) answer).reason(), at, policy);
            verdict = last ? Verdict.FLAGGED : Verdict.UNDELIVERED;
        }
        Runnable store = () -> {
            reports.update(report);
            if (verdict == Verdict.FLAGGED) {
                flag(report, at);
            }
        };
        try {
            units.runInNewTransaction(store);
        } catch (Conflict reconciliationChangedMeanwhile) {
            // the flag read the reconciliation before another writer's change committed: all of it
            // rolled back, it is stored again on the reconciliation read anew
            try {
                units.runInNewTransaction(store);
            } catch (Conflict changedAgain) {
                return Verdict.UNDELIVERED;
            }
        }
        return verdict;
    }

    private Answer send(TransactionReport report) {
        try {
            return saleor.deliver(report);
        } catch (RuntimeException failed) {
            // tried again like an unanswered call; the failure's text may hold Saleor's data, its kind does not
            return new Answer.NotDelivered("the report could not be sent (" + failed.getClass().getSimpleName() + ")");
        }
    }

    /** In the caller's transaction: the report's transaction, in its merchant's data, needs staff. */
    private void flag(TransactionReport report, Instant at) {
        String merchantId = report.merchantId().orElseThrow();
        TransactionId transactionId = report.transactionId().orElseThrow();
        if (transactions.byId(merchantId, transactionId).isEmpty()) {
            return; // the transaction is gone (retention): nobody to show it to
        }
        String reason = "The Saleor report could not be delivered (" + report.type() + " " + report.amount()
            + ", pspReference " + report.pspReference() + ") after " + report.redeliveries()
            + (report.redeliveries() == 1 ? " try" : " tries") + " by the reconciliation: " + report.lastError();
        Optional<Reconciliation> existing = reconciliations.of(merchantId, transactionId);
        if (existing.isPresent()) {
            existing.get().flag(reason, at);
            reconciliations.update(existing.get());
        } else {
            reconciliations.add(Reconciliation.flagged(merchantId, transactionId, reason, at));
        }
        audit.record(merchantId, "transaction.flagged", "transaction " + transactionId, reason);
    }
}
