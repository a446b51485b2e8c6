package dev.payhooks.application.reconciliation;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Known;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Found;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Unknown;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionAmounts;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.domain.reconciliation.Reconciliations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled reconciliation job's one use case. It starts a reconciliation for each transaction
 * whose outcome stayed open for the policy's age ({@link Reconciliation#open}), then checks the
 * due ones: a transaction whose outcome arrived meanwhile is settled; otherwise its provider's
 * {@link ProviderStatusCheck} is asked (outside any database transaction), and an outcome it
 * finds is recorded through {@link RecordProviderOutcome}, the one way every provider outcome is
 * applied (events, outbox, the check's follow-up). An unknown outcome is asked about again with
 * backoff, and after the last attempt the transaction is flagged for staff, audited. Several
 * instances may run it: due reconciliations are claimed ({@link Reconciliations#claimDue}). Only
 * the system runs it, so there is no caller to authorize.
 */
public record ReconcileTransactions(Reconciliations reconciliations, PaymentTransactions transactions, Merchants merchants,
                                    List<ProviderStatusCheck> checks, RecordProviderOutcome outcomes, AuditRecorder audit,
                                    UnitOfWork units, Clock clock) {

    /** How long one instance holds a reconciliation it checks: far above a provider call's bound. */
    public static final Duration LEASE = Duration.ofMinutes(5);

    public ReconcileTransactions {
        checks = List.copyOf(checks);
    }

    /**
     * What one run did: reconciliations started; due ones checked, of which the provider told the
     * outcome ({@code found}), the outcome had arrived meanwhile ({@code settled}) or the
     * transaction was flagged for staff; {@code startFailed}: starting collided with another
     * instance (its reconciliations are started by the next run).
     */
    public record Report(int started, int checked, int found, int settled, int flagged, boolean startFailed) {

        @Override
        public String toString() {
            return "started " + started + ", checked " + checked + " (outcome found " + found + ", arrived meanwhile "
                + settled + ", flagged for staff " + flagged + ")" + (startFailed ? "; starting collided, the next run starts them" : "");
        }
    }

    private enum Verdict { FOUND, SETTLED, UNKNOWN, FLAGGED }

    public Report run(ReconciliationPolicy policy) {
        Instant now = clock.instant();
        int started;
        boolean startFailed = false;
        try {
            started = units.inNewTransaction(() -> reconciliations.start(now.minus(policy.age()), now, policy.batchSize()));
        } catch (RuntimeException collided) {
            started = 0;
            startFailed = true;
        }
        List<Reconciliation> due = units.inNewTransaction(() -> reconciliations.claimDue(now, LEASE, policy.batchSize()));
        int found = 0;
        int settled = 0;
        int flagged = 0;
        for (Reconciliation reconciliation : due) {
            switch (reconcile(reconciliation, policy)) {
                case FOUND -> found++;
                case SETTLED -> settled++;
                case FLAGGED -> flagged++;
                case UNKNOWN -> { }
            }
        }
        return new Report(started, due.size(), found, settled, flagged, startFailed);
    }

    private record Subject(Merchant merchant, PaymentTransaction transaction) { }

    private Verdict reconcile(Reconciliation reconciliation, ReconciliationPolicy policy) {
        Optional<Subject> subject = units.inNewTransaction(() -> merchants.byId(reconciliation.merchantId())
            .flatMap(merchant -> transactions.byId(merchant.id(), reconciliation.transactionId())
                .map(transaction -> new Subject(merchant, transaction))));
        if (subject.isEmpty() || !Reconciliation.open(subject.get().transaction())) {
            String why = subject.isEmpty() ? "The transaction no longer exists"
                : "The outcome arrived: " + subject.get().transaction().status();
            return save(reconciliation, r -> r.settled(why, false, clock.instant()), Verdict.SETTLED);
        }
        Merchant merchant = subject.get().merchant();
        PaymentTransaction transaction = subject.get().transaction();
        Optional<ProviderStatusCheck> check = checks.stream().filter(c -> c.provider() == transaction.provider()).findFirst();
        ProviderStatusCheck.Status status = check.map(c -> ask(c, merchant, transaction))
            .orElseGet(() -> new Unknown(transaction.provider().displayName()
                + " offers no status query: waiting for its notification"));
        if (status instanceof Found outcome) {
            return units.inNewTransaction(() -> record(check.get(), merchant, transaction, outcome, reconciliation, policy));
        }
        return units.inNewTransaction(() -> unknown(reconciliation, ((Unknown) status).why(), policy));
    }

    private static ProviderStatusCheck.Status ask(ProviderStatusCheck check, Merchant merchant, PaymentTransaction t) {
        try {
            return check.check(merchant, t);
        } catch (RuntimeException failed) {
            // the next attempt asks again; the failure's text may hold provider data, its kind does not
            return new Unknown("The status check failed (" + failed.getClass().getSimpleName() + ")");
        }
    }

    /** In the caller's transaction: the found outcome recorded like any other, and the reconciliation settled. */
    private Verdict record(ProviderStatusCheck check, Merchant merchant, PaymentTransaction seen, Found outcome,
                           Reconciliation reconciliation, ReconciliationPolicy policy) {
        Money amount = pending(seen.amounts(), outcome);
        if (!amount.isPositive()) {
            return unknown(reconciliation, "The provider reported " + outcome.operation() + " " + outcome.result()
                + " but nothing of it is pending", policy);
        }
        Instant at = clock.instant();
        RecordProviderOutcome.Result result = outcomes.record(new RecordProviderOutcome.Command(merchant, seen.provider(),
            new Known(seen.id(), Optional.empty()), payment -> Changes.of(transaction -> {
                ProviderReport report = ProviderReport.of(amount, at).withMessage(outcome.message())
                    .withEventKey(outcome.eventKey());
                if (outcome.reference().isPresent()) {
                    report = report.withProviderReference(outcome.reference().get());
                }
                return transaction.apply(outcome.operation(), outcome.result(), report);
            }), "reconciliation: " + outcome.operation() + " " + outcome.result() + " for transaction " + seen.id()));
        if (result instanceof RecordProviderOutcome.Recorded recorded) {
            check.recorded(merchant, recorded.transaction(), recorded.eventsPerStep().stream().flatMap(List::stream).toList());
        } else if (((RecordProviderOutcome.NoEffect) result).refused()) {
            return unknown(reconciliation, "The provider's outcome could not be applied: "
                + ((RecordProviderOutcome.NoEffect) result).reason(), policy);
        }
        reconciliation.settled(outcome.message(), true, at);
        reconciliations.update(reconciliation);
        return Verdict.FOUND;
    }

    private static Money pending(TransactionAmounts amounts, Found outcome) {
        return switch (outcome.operation()) {
            case AUTHORIZE -> amounts.authorizationPending();
            case CHARGE -> amounts.chargePending();
            case CANCEL -> amounts.cancelPending();
            case REFUND -> amounts.refundPending();
            default -> Money.zero(amounts.currency());
        };
    }

    /** In the caller's transaction: asked again later, or flagged for staff (audited) after the last attempt. */
    private Verdict unknown(Reconciliation reconciliation, String why, ReconciliationPolicy policy) {
        boolean flagged = reconciliation.stillUnknown(why, clock.instant(), policy);
        reconciliations.update(reconciliation);
        if (!flagged) {
            return Verdict.UNKNOWN;
        }
        audit.record(reconciliation.merchantId(), "transaction.flagged", "transaction " + reconciliation.transactionId(),
            reconciliation.reason().orElse(why));
        return Verdict.FLAGGED;
    }

    private Verdict save(Reconciliation reconciliation, java.util.function.Consumer<Reconciliation> change, Verdict verdict) {
        units.runInNewTransaction(() -> {
            change.accept(reconciliation);
            reconciliations.update(reconciliation);
        });
        return verdict;
    }
}
