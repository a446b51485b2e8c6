package dev.payhooks.application.reconciliation;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Found;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Unknown;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.reconciliation.InMemoryReconciliations;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconcileTransactionsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final ReconciliationPolicy POLICY = new ReconciliationPolicy(Duration.ofMinutes(30), 3,
        Duration.ofMinutes(10), Duration.ofHours(1), 100);

    final SteppingClock clock = new SteppingClock(T0);
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryReconciliations reconciliations = new InMemoryReconciliations(transactions);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final Merchant shop = Merchant.register("m-1", "Shop", "shop00000000001", T0);
    final Merchant other = Merchant.register("m-2", "Other", "shop00000000002", T0);
    final FakeNpCheck np = new FakeNpCheck();
    final ReconcileTransactions job;
    final ResolveReconciliation resolve;
    int units;

    ReconcileTransactionsTest() {
        merchants.add(shop);
        merchants.add(other);
        SequentialIds ids = new SequentialIds();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        RecordProviderOutcome outcomes = new RecordProviderOutcome(transactions,
            new TransactionNotices(queue, EventIdGenerator.secureRandom(), clock), ids, clock);
        UnitOfWork counting = new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                units++;
                return work.get();
            }
        };
        job = new ReconcileTransactions(reconciliations, transactions, merchants, List.of(np), outcomes,
            trail.recorder(() -> Actor.SYSTEM, clock), counting, clock);
        resolve = new ResolveReconciliation(reconciliations, trail.recorder(() -> Actor.staff("admin"), clock), clock);
    }

    /** NP's status check as a test sets it: the next answers in order, the last one repeated. */
    static final class FakeNpCheck implements ProviderStatusCheck {
        final List<Status> answers = new ArrayList<>();
        final List<TransactionId> asked = new ArrayList<>();
        final List<List<TransactionEvent>> followedUp = new ArrayList<>();

        @Override
        public ProviderId provider() {
            return ProviderId.NP_ATOBARAI;
        }

        @Override
        public Status check(Merchant merchant, PaymentTransaction transaction) {
            asked.add(transaction.id());
            Status next = answers.size() > 1 ? answers.remove(0) : answers.get(0);
            if (next == null) {
                throw new IllegalStateException("np-secret-detail");
            }
            return next;
        }

        @Override
        public void recorded(Merchant merchant, PaymentTransaction transaction, List<TransactionEvent> events) {
            followedUp.add(events);
        }
    }

    static Found approved() {
        return new Found(Operation.CHARGE, OperationResult.SUCCESS, Optional.of("np-1"), "Credit check approved",
            "np:np-1:CHARGE_SUCCESS:3000");
    }

    PaymentTransaction onHold(Merchant merchant, String id, ProviderId provider) {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of(id), "jp", provider, "saleor-" + id,
            Currency.JPY, clock.instant());
        t.chargeActionRequired(ProviderReport.of(Money.of(3000, Currency.JPY), clock.instant()).withProviderReference("np-1"));
        transactions.add(merchant.id(), t);
        return t;
    }

    /** Runs the job past the age and through the policy's three checks, two hours apart. */
    void runUntilFlagged() {
        clock.advance(Duration.ofMinutes(31));
        for (int i = 0; i < 3; i++) {
            job.run(POLICY);
            clock.advance(Duration.ofHours(2));
        }
    }

    Reconciliation reconciliationOf(String id) {
        return reconciliations.all().stream().filter(r -> r.transactionId().value().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aYoungOpenTransactionAndASettledOneAreLeftAlone() {
        onHold(shop, "tx-young", ProviderId.NP_ATOBARAI);
        PaymentTransaction charged = PaymentTransaction.initialize(TransactionId.of("tx-done"), "jp", ProviderId.NP_ATOBARAI,
            "s", Currency.JPY, T0.minus(Duration.ofDays(1)));
        charged.chargeSucceeded(ProviderReport.of(Money.of(3000, Currency.JPY), T0.minus(Duration.ofDays(1))));
        transactions.add(shop.id(), charged);
        clock.advance(Duration.ofMinutes(29));

        ReconcileTransactions.Report report = job.run(POLICY);

        assertEquals(0, report.started());
        assertEquals(0, report.checked());
        assertTrue(reconciliations.all().isEmpty());
    }

    @Test
    void anOutcomeTheProviderKnowsIsRecordedOnceThroughTheOneOutcomePath() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(approved());
        clock.advance(Duration.ofMinutes(31));

        ReconcileTransactions.Report first = job.run(POLICY);

        assertEquals(1, first.started());
        assertEquals(1, first.found());
        PaymentTransaction after = transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow();
        assertEquals(TransactionStatus.CHARGED, after.status());
        assertEquals(Money.of(3000, Currency.JPY), after.charged());
        assertEquals("Credit check approved", after.events().get(after.events().size() - 1).message());
        assertEquals(1, outbox.after(OutboxPosition.START, 100).stream()
            .filter(e -> e.eventType().equals("transaction.sale.success")).count(), "one sale event published");
        assertEquals(1, np.followedUp.size());
        Reconciliation r = reconciliationOf("tx-1");
        assertEquals(Reconciliation.State.SETTLED, r.state());
        assertEquals(1, r.attempts());

        clock.advance(Duration.ofHours(2));
        ReconcileTransactions.Report second = job.run(POLICY);
        assertEquals(0, second.started());
        assertEquals(0, second.checked());
        assertEquals(1, np.asked.size(), "a settled transaction is not asked about again");
    }

    @Test
    void anUnknownOutcomeIsAskedAgainWithBackoffThenFlaggedForStaffAudited() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(new Unknown("Credit check on hold"));
        clock.advance(Duration.ofMinutes(31));

        assertEquals(1, job.run(POLICY).checked());
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, job.run(POLICY).checked(), "not due before the first delay");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, job.run(POLICY).checked());
        clock.advance(Duration.ofMinutes(19));
        assertEquals(0, job.run(POLICY).checked(), "the second delay is doubled");
        clock.advance(Duration.ofMinutes(1));
        ReconcileTransactions.Report last = job.run(POLICY);

        assertEquals(1, last.flagged());
        Reconciliation r = reconciliationOf("tx-1");
        assertTrue(r.needsAttention());
        assertEquals(3, r.attempts());
        assertEquals("Outcome still unknown after 3 checks: Credit check on hold", r.reason().orElseThrow());
        AuditEntry entry = trail.all().get(0);
        assertEquals("transaction.flagged", entry.action());
        assertEquals("transaction tx-1", entry.subject());
        assertEquals(shop.id(), entry.merchantId());
        assertEquals(TransactionStatus.CHARGE_ACTION_REQUIRED,
            transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow().status(), "nothing applied");

        clock.advance(Duration.ofDays(1));
        assertEquals(0, job.run(POLICY).checked(), "a flagged transaction waits for staff");
        PaymentTransactions.Filter flagged = PaymentTransactions.Filter.none().needingAttention(true);
        assertEquals(1, transactions.search(shop.id(), flagged, Optional.empty(), 10).items().size());
        assertEquals(0, transactions.search(other.id(), flagged, Optional.empty(), 10).items().size());
        assertEquals(1, reconciliations.needingAttention(shop.id()));
        assertEquals(0, reconciliations.needingAttention(other.id()));
    }

    @Test
    void aProviderWithoutStatusQueryWaitsForItsNotificationAndIsFlaggedAfterTheLastAttempt() {
        onHold(shop, "tx-adyen", ProviderId.ADYEN);
        runUntilFlagged();

        Reconciliation r = reconciliationOf("tx-adyen");
        assertTrue(r.needsAttention());
        assertEquals("Outcome still unknown after 3 checks: Adyen offers no status query: waiting for its notification",
            r.reason().orElseThrow());
        assertTrue(np.asked.isEmpty(), "NP's check is only asked about NP transactions");
    }

    @Test
    void anOutcomeThatArrivedMeanwhileSettlesWithoutAskingTheProvider() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(new Unknown("Credit check on hold"));
        clock.advance(Duration.ofMinutes(31));
        job.run(POLICY);
        PaymentTransaction t = transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow();
        t.chargeSucceeded(ProviderReport.of(Money.of(3000, Currency.JPY), clock.instant()));
        transactions.update(t);
        clock.advance(Duration.ofMinutes(10));

        ReconcileTransactions.Report report = job.run(POLICY);

        assertEquals(1, report.settled());
        assertEquals(1, np.asked.size());
        assertEquals(Reconciliation.State.SETTLED, reconciliationOf("tx-1").state());
        assertEquals("The outcome arrived: CHARGED", reconciliationOf("tx-1").lastResult().orElseThrow());
    }

    @Test
    void aFailingCheckCountsAsUnknownWithoutTheFailuresText() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(null);
        clock.advance(Duration.ofMinutes(31));

        job.run(POLICY);

        Reconciliation r = reconciliationOf("tx-1");
        assertEquals(1, r.attempts());
        assertEquals("The status check failed (IllegalStateException)", r.lastResult().orElseThrow());
        assertFalse(r.lastResult().orElseThrow().contains("secret"));
    }

    @Test
    void staffWhoMayChangeResolveTheirMerchantsFlaggedTransactionAuditedAndAChangeReopensIt() {
        onHold(shop, "tx-1", ProviderId.ADYEN);
        runUntilFlagged();

        assertThrows(NotPermitted.class, () -> resolve.resolve(TestCallers.viewer(shop.id()), "tx-1", "done", OptionalLong.empty()));
        assertThrows(NotFound.class, () -> resolve.resolve(TestCallers.administrator(other.id()), "tx-1", "done", OptionalLong.empty()));
        assertThrows(NotFound.class, () -> resolve.resolve(TestCallers.administrator(shop.id()), "no such", "done", OptionalLong.empty()));
        assertTrue(reconciliationOf("tx-1").needsAttention());

        Reconciliation resolved = resolve.resolve(TestCallers.developer(shop.id()), " tx-1 ", "checked in Adyen's Customer Area", OptionalLong.empty());

        assertEquals(Reconciliation.State.RESOLVED, resolved.state());
        assertEquals("dev", resolved.resolvedBy().orElseThrow());
        assertEquals(Reconciliation.State.RESOLVED, reconciliationOf("tx-1").state());
        AuditEntry entry = trail.all().get(trail.all().size() - 1);
        assertEquals("transaction.resolved", entry.action());
        assertEquals("checked in Adyen's Customer Area", entry.detail());
        assertThrows(IllegalTransition.class, () -> resolve.resolve(TestCallers.administrator(shop.id()), "tx-1", "", OptionalLong.empty()));

        clock.advance(Duration.ofDays(1));
        assertEquals(0, job.run(POLICY).started(), "resolved and unchanged: left alone");
        PaymentTransaction t = transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow();
        t.chargeSucceeded(ProviderReport.of(Money.of(3000, Currency.JPY), clock.instant()));
        t.refundRequested(ProviderReport.of(Money.of(1000, Currency.JPY), clock.instant()));
        transactions.update(t);
        clock.advance(Duration.ofMinutes(31));
        assertEquals(1, job.run(POLICY).started(), "an unconfirmed refund opens it again");
        assertEquals(Reconciliation.State.CHECKING, reconciliationOf("tx-1").state());
    }

    static final String SALEOR_FLAG = "The Saleor report could not be delivered";

    /** The stored reconciliation of the transaction, asserted to be in {@code state}. */
    Reconciliation assertState(String transactionId, Reconciliation.State state) {
        Reconciliation r = reconciliationOf(transactionId);
        assertEquals(state, r.state(), transactionId);
        return r;
    }

    @Test
    void aFlagMadeWhileTheProviderWasAskedStandsAndTheOutcomeFoundIsStillRecordedOnce() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(approved());
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"), r -> r.flag(SALEOR_FLAG, clock.instant()));
        clock.advance(Duration.ofMinutes(31));

        ReconcileTransactions.Report report = job.run(POLICY);

        assertEquals(List.of(1, 0), List.of(report.found(), report.yielded()), "found, yielded");
        assertEquals(TransactionStatus.CHARGED, transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow().status());
        assertEquals(1, outbox.after(OutboxPosition.START, 100).stream()
            .filter(e -> e.eventType().equals("transaction.sale.success")).count(), "one sale event published");
        Reconciliation r = assertState("tx-1", Reconciliation.State.NEEDS_ATTENTION);
        assertEquals(SALEOR_FLAG, r.reason().orElseThrow(), "the other instance's flag is not overwritten");
        assertEquals(0, r.attempts());
    }

    @Test
    void anOutcomeFoundWhileAnotherInstanceClaimedTheReconciliationAgainSettlesIt() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(approved());
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"), r -> { });
        clock.advance(Duration.ofMinutes(31));

        assertEquals(1, job.run(POLICY).found());

        assertEquals(1, assertState("tx-1", Reconciliation.State.SETTLED).attempts());
        assertEquals(TransactionStatus.CHARGED, transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow().status());
    }

    @Test
    void anUnknownOutcomeLosingToAnotherWriterChangesNothingAndTheRoundGoesOn() {
        onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        onHold(shop, "tx-2", ProviderId.NP_ATOBARAI);
        np.answers.add(new Unknown("Credit check on hold"));
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"), r -> r.flag(SALEOR_FLAG, clock.instant()));
        clock.advance(Duration.ofMinutes(31));

        ReconcileTransactions.Report report = job.run(POLICY);

        assertEquals(2, report.checked());
        assertEquals(1, report.yielded());
        assertEquals(0, report.flagged());
        Reconciliation lost = assertState("tx-1", Reconciliation.State.NEEDS_ATTENTION);
        assertEquals(SALEOR_FLAG, lost.reason().orElseThrow());
        assertEquals(0, lost.attempts(), "the losing check is not counted");
        assertEquals(1, reconciliationOf("tx-2").attempts(), "the next reconciliation of the round is checked");
        assertTrue(trail.all().isEmpty());
    }

    @Test
    void anOutcomeArrivedMeanwhileDoesNotSettleAReconciliationStaffResolvedMeanwhile() {
        PaymentTransaction t = onHold(shop, "tx-1", ProviderId.NP_ATOBARAI);
        np.answers.add(new Unknown("Credit check on hold"));
        clock.advance(Duration.ofMinutes(31));
        job.run(POLICY);
        t = transactions.byId(shop.id(), TransactionId.of("tx-1")).orElseThrow();
        t.chargeSucceeded(ProviderReport.of(Money.of(3000, Currency.JPY), clock.instant()));
        transactions.update(t);
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"), r -> {
            r.flag(SALEOR_FLAG, clock.instant());
            r.resolve("admin", "told the customer", clock.instant());
        });
        clock.advance(Duration.ofMinutes(10));

        ReconcileTransactions.Report report = job.run(POLICY);

        assertEquals(List.of(1, 0, 1), List.of(report.checked(), report.settled(), report.yielded()),
            "checked, settled, yielded");
        assertEquals("admin", assertState("tx-1", Reconciliation.State.RESOLVED).resolvedBy().orElseThrow());
    }

    @Test
    void staffResolvingAReconciliationTheJobChangedMeanwhileAreToldAndOverwriteNothing() {
        onHold(shop, "tx-1", ProviderId.ADYEN);
        runUntilFlagged();
        String reason = reconciliationOf("tx-1").reason().orElseThrow();
        int audited = trail.all().size();
        reconciliations.beforeNextUpdate(TransactionId.of("tx-1"), r -> r.flag(SALEOR_FLAG, clock.instant()));

        assertThrows(Conflict.class, () -> resolve.resolve(TestCallers.administrator(shop.id()), "tx-1", "done", OptionalLong.empty()));

        assertEquals(reason + " — " + SALEOR_FLAG,
            assertState("tx-1", Reconciliation.State.NEEDS_ATTENTION).reason().orElseThrow());
        assertEquals(audited, trail.all().size(), "nothing resolved, nothing audited");
        assertEquals(Reconciliation.State.RESOLVED,
            resolve.resolve(TestCallers.administrator(shop.id()), "tx-1", "done", OptionalLong.empty()).state(), "resolved once read again");
    }

    @Test
    void staffResolvingWhatTheyNoLongerSeeAreToldAndOverwriteNothing() {
        onHold(shop, "tx-1", ProviderId.ADYEN);
        runUntilFlagged();
        Reconciliation shown = reconciliationOf("tx-1");
        String reason = shown.reason().orElseThrow();
        int audited = trail.all().size();
        Reconciliation flaggedAgain = reconciliationOf("tx-1");
        flaggedAgain.flag(SALEOR_FLAG, clock.instant());
        reconciliations.update(flaggedAgain);

        assertThrows(Conflict.class, () -> resolve.resolve(TestCallers.administrator(shop.id()), "tx-1", "done",
            OptionalLong.of(shown.version())), "the second flag was committed before staff pressed the button");

        Reconciliation current = assertState("tx-1", Reconciliation.State.NEEDS_ATTENTION);
        assertEquals(reason + " — " + SALEOR_FLAG, current.reason().orElseThrow());
        assertEquals(audited, trail.all().size(), "nothing resolved, nothing audited");
        assertEquals(Reconciliation.State.RESOLVED, resolve.resolve(TestCallers.administrator(shop.id()), "tx-1", "done",
            OptionalLong.of(current.version())).state(), "resolved once staff saw the second flag");
    }
}
