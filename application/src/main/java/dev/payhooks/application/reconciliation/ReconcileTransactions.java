package dev.payhooks.application.reconciliation;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Known;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Found;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Unknown;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
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
import java.util.function.Function;

/**
 * The scheduled reconciliation job's one use case. It starts a reconciliation for each transaction
 * whose outcome stayed open for the policy's age ({@link Reconciliation#open}), then checks the
 * due ones: a transaction whose outcome arrived meanwhile is settled; otherwise its provider's
 * {@link ProviderStatusCheck} is asked (outside any database transaction), and an outcome it
 * finds is recorded through {@link RecordProviderOutcome}, the one way every provider outcome is
 * applied (events, outbox, the check's follow-up). An unknown outcome is asked about again with
 * backoff, and after the last attempt the transaction is flagged for staff, audited. Several
 * instances may run it: due reconciliations are claimed ({@link Reconciliations#claimDue}). A
 * reconciliation another writer changed while it was being checked (flagged for an undelivered
 * Saleor report, resolved by staff, claimed again by another instance once the lease ended) is
 * read again and decided anew ({@link #afterLostRace}); the run goes on with the next one. Only
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
     * transaction was flagged for staff, or another writer's change stood and this check changed
     * nothing ({@code yielded}); {@code startFailed}: starting collided with another instance (its
     * reconciliations are started by the next run).
     */
    public record Report(int started, int checked, int found, int settled, int flagged, int yielded, boolean startFailed) {

        @Override
        public String toString() {
            return "started " + started + ", checked " + checked + " (outcome found " + found + ", arrived meanwhile "
                + settled + ", flagged for staff " + flagged + ", changed meanwhile " + yielded + ")"
                + (startFailed ? "; starting collided, the next run starts them" : "");
        }
    }

    private enum Verdict { FOUND, SETTLED, UNKNOWN, FLAGGED, YIELDED }

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
        int yielded = 0;
        for (Reconciliation reconciliation : due) {
            switch (reconcile(reconciliation, policy)) {
                case FOUND -> found++;
                case SETTLED -> settled++;
                case FLAGGED -> flagged++;
                case YIELDED -> yielded++;
                case UNKNOWN -> { }
            }
        }
        return new Report(started, due.size(), found, settled, flagged, yielded, startFailed);
    }

    private record Subject(Merchant merchant, PaymentTransaction transaction) { }

    private Verdict reconcile(Reconciliation reconciliation, ReconciliationPolicy policy) {
        Optional<Subject> subject = units.inNewTransaction(() -> merchants.byId(reconciliation.merchantId())
            .flatMap(merchant -> transactions.byId(merchant.id(), reconciliation.transactionId())
                .map(transaction -> new Subject(merchant, transaction))));
        if (subject.isEmpty() || !Reconciliation.open(subject.get().transaction())) {
            String why = subject.isEmpty() ? "The transaction no longer exists"
                : "The outcome arrived: " + subject.get().transaction().status();
            return decide(reconciliation, r -> settle(r, why), again -> again.state() == Reconciliation.State.CHECKING
                ? settle(again, why) : Verdict.YIELDED);
        }
        Merchant merchant = subject.get().merchant();
        PaymentTransaction transaction = subject.get().transaction();
        Optional<ProviderStatusCheck> check = checks.stream().filter(c -> c.provider() == transaction.provider()).findFirst();
        ProviderStatusCheck.Status status = check.map(c -> ask(c, merchant, transaction))
            .orElseGet(() -> new Unknown(transaction.provider().displayName()
                + " offers no status query: waiting for its notification"));
        if (status instanceof Found outcome) {
            return decide(reconciliation, r -> record(check.get(), merchant, transaction, outcome, r, policy),
                again -> afterLostRace(check.get(), merchant, transaction, outcome, again));
        }
        return decide(reconciliation, r -> unknown(r, ((Unknown) status).why(), policy), again -> Verdict.YIELDED);
    }

    /**
     * {@code decision} on the claimed reconciliation in a transaction of its own. When another
     * writer changed it since the claim, that change stands: {@code again} decides on it read anew,
     * in a new transaction; one changed once more meanwhile is left to the next run.
     */
    private Verdict decide(Reconciliation claimed, Function<Reconciliation, Verdict> decision,
                           Function<Reconciliation, Verdict> again) {
        try {
            return units.inNewTransaction(() -> decision.apply(claimed));
        } catch (Conflict changedMeanwhile) {
            try {
                return units.inNewTransaction(() -> reconciliations.of(claimed.merchantId(), claimed.transactionId())
                    .map(again).orElse(Verdict.YIELDED));
            } catch (Conflict changedAgain) {
                return Verdict.YIELDED;
            }
        }
    }

    /**
     * In the caller's transaction, on a reconciliation another writer changed while the provider was
     * asked: the outcome found is a provider's fact and is recorded whatever that writer did (a
     * notification or answer with it is recognised as the same fact); a reconciliation still
     * CHECKING is settled, a flagged or closed one stays as the other writer left it.
     */
    private Verdict afterLostRace(ProviderStatusCheck check, Merchant merchant, PaymentTransaction seen, Found outcome,
                                  Reconciliation again) {
        Instant at = clock.instant();
        if (apply(check, merchant, seen, outcome, at).isPresent()) {
            return Verdict.YIELDED;
        }
        if (again.state() == Reconciliation.State.CHECKING) {
            again.settled(outcome.message(), true, at);
            reconciliations.update(again);
        }
        return Verdict.FOUND;
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
        Instant at = clock.instant();
        Optional<String> notApplied = apply(check, merchant, seen, outcome, at);
        if (notApplied.isPresent()) {
            return unknown(reconciliation, notApplied.get(), policy);
        }
        reconciliation.settled(outcome.message(), true, at);
        reconciliations.update(reconciliation);
        return Verdict.FOUND;
    }

    /** In the caller's transaction: the found outcome recorded like any other; why it could not be, if it could not. */
    private Optional<String> apply(ProviderStatusCheck check, Merchant merchant, PaymentTransaction seen, Found outcome,
                                   Instant at) {
        Money amount = pending(seen.amounts(), outcome);
        if (!amount.isPositive()) {
            return Optional.of("The provider reported " + outcome.operation() + " " + outcome.result()
                + " but nothing of it is pending");
        }
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
            return Optional.of("The provider's outcome could not be applied: "
                + ((RecordProviderOutcome.NoEffect) result).reason());
        }
        return Optional.empty();
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

    /** In the caller's transaction: the outcome arrived meanwhile ({@code why}). */
    private Verdict settle(Reconciliation reconciliation, String why) {
        reconciliation.settled(why, false, clock.instant());
        reconciliations.update(reconciliation);
        return Verdict.SETTLED;
    }
}
