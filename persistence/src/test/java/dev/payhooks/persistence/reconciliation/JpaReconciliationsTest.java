package dev.payhooks.persistence.reconciliation;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaReconciliationsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Money YEN = Money.of(3000, Currency.JPY);
    static final ReconciliationPolicy POLICY = new ReconciliationPolicy(Duration.ofMinutes(30), 2,
        Duration.ofMinutes(10), Duration.ofHours(1), 100);

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static PaymentTransaction transaction(String id, Instant at) {
        return PaymentTransaction.initialize(TransactionId.of(id), "jp", ProviderId.NP_ATOBARAI, "s-" + id, Currency.JPY, at);
    }

    /** m1: an NP payment on hold, one charged, one charged with a refund requested; m2: one on hold. */
    static TestDatabase seeded(String kind) {
        TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2");
        db.run(em -> {
            JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
            PaymentTransaction hold = transaction("hold", T0);
            hold.chargeActionRequired(ProviderReport.of(YEN, T0).withProviderReference("np-1"));
            transactions.add("m1", hold);
            PaymentTransaction charged = transaction("charged", T0);
            charged.chargeSucceeded(ProviderReport.of(YEN, T0));
            transactions.add("m1", charged);
            PaymentTransaction refunding = transaction("refunding", T0);
            refunding.chargeSucceeded(ProviderReport.of(YEN, T0));
            refunding.refundRequested(ProviderReport.of(Money.of(1000, Currency.JPY), T0));
            transactions.add("m1", refunding);
            PaymentTransaction other = transaction("other", T0.plusSeconds(1));
            other.authorizationRequested(ProviderReport.of(YEN, T0.plusSeconds(1)));
            transactions.add("m2", other);
        });
        return db;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void openTransactionsUnchangedForTheAgeAreStartedOnceAndClaimedByOneInstance(String kind) {
        try (TestDatabase db = seeded(kind)) {
            Instant now = T0.plus(Duration.ofMinutes(31));
            assertEquals(0, (int) db.query(em -> new JpaReconciliations(em).start(T0.minusSeconds(1), now, 100)),
                "none unchanged for long enough");
            assertEquals(2, (int) db.query(em -> new JpaReconciliations(em).start(T0, now, 100)), "limited to the age");
            assertEquals(1, (int) db.query(em -> new JpaReconciliations(em).start(T0.plusSeconds(1), now, 100)));
            assertEquals(0, (int) db.query(em -> new JpaReconciliations(em).start(T0.plusSeconds(1), now, 100)),
                "an open reconciliation is not started twice");

            List<Reconciliation> first = db.query(em -> new JpaReconciliations(em).claimDue(now, Duration.ofMinutes(5), 2));
            List<Reconciliation> second = db.query(em -> new JpaReconciliations(em).claimDue(now, Duration.ofMinutes(5), 10));
            assertEquals(List.of("hold", "other"), first.stream().map(r -> r.transactionId().value()).toList(),
                "due at the same time: by transaction id");
            assertEquals(List.of("refunding"), second.stream().map(r -> r.transactionId().value()).toList(),
                "claimed ones are held by the first instance");
            assertEquals(now.plus(Duration.ofMinutes(5)), first.get(0).nextCheckAt());
            assertEquals("m2", first.get(1).merchantId());
            assertTrue(db.query(em -> new JpaReconciliations(em).claimDue(now.plus(Duration.ofMinutes(4)),
                Duration.ofMinutes(5), 10)).isEmpty());
            assertEquals(3, db.query(em -> new JpaReconciliations(em).claimDue(now.plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(5), 10)).size(), "due again once the lease ended");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void flaggedTransactionsAreCountedAndFilteredPerMerchantAndAChangeAfterClosingReopens(String kind) {
        try (TestDatabase db = seeded(kind)) {
            Instant now = T0.plus(Duration.ofHours(1));
            db.run(em -> new JpaReconciliations(em).start(now, now, 100));
            Reconciliation hold = db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of("hold"))).orElseThrow();
            hold.stillUnknown("on hold", now, POLICY);
            hold.stillUnknown("still on hold", now, POLICY);
            db.run(em -> new JpaReconciliations(em).update(hold));
            Reconciliation refunding = db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of("refunding")))
                .orElseThrow();
            refunding.settled("refund confirmed", true, now);
            db.run(em -> new JpaReconciliations(em).update(refunding));

            Reconciliation read = db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of("hold"))).orElseThrow();
            assertEquals(Reconciliation.State.NEEDS_ATTENTION, read.state());
            assertEquals(2, read.attempts());
            assertEquals("Outcome still unknown after 2 checks: still on hold", read.reason().orElseThrow());
            assertEquals(Optional.of(now), read.lastCheckedAt());
            assertTrue(db.query(em -> new JpaReconciliations(em).of("m2", TransactionId.of("hold"))).isEmpty());
            assertEquals(1L, (long) db.query(em -> new JpaReconciliations(em).needingAttention("m1")));
            assertEquals(0L, (long) db.query(em -> new JpaReconciliations(em).needingAttention("m2")));
            PaymentTransactions.Filter flagged = PaymentTransactions.Filter.none().needingAttention(true);
            assertEquals(List.of("hold"), db.query(em -> new JpaPaymentTransactions(em).search("m1", flagged,
                Optional.empty(), 10)).items().stream().map(t -> t.id().value()).toList());
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).search("m2", flagged, Optional.empty(), 10))
                .items().isEmpty());

            Instant later = now.plus(Duration.ofHours(1));
            assertEquals(0, (int) db.query(em -> new JpaReconciliations(em).start(later, later, 100)),
                "flagged and settled ones stay as they are while the transaction does not change");
            db.run(em -> {
                JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                PaymentTransaction t = transactions.byId("m1", TransactionId.of("refunding")).orElseThrow();
                t.refundRequested(ProviderReport.of(Money.of(500, Currency.JPY), later));
                transactions.update(t);
            });
            Instant reopenAt = later.plus(Duration.ofMinutes(31));
            assertEquals(1, (int) db.query(em -> new JpaReconciliations(em).start(later, reopenAt, 100)));
            Reconciliation reopened = db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of("refunding")))
                .orElseThrow();
            assertEquals(Reconciliation.State.CHECKING, reopened.state());
            assertEquals(0, reopened.attempts());
            assertEquals(reopenAt, reopened.nextCheckAt());

            db.execute("delete from payment_transaction where id = 'hold'");
            assertEquals(2, db.count("transaction_reconciliation"), "removed with its transaction");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSettledTransactionFlaggedForItsSaleorReportIsStoredAsNeedingAttention(String kind) {
        try (TestDatabase db = seeded(kind)) {
            db.run(em -> new JpaReconciliations(em).add(Reconciliation.flagged("m1", TransactionId.of("charged"),
                "The Saleor report could not be delivered", T0)));

            Reconciliation read = db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of("charged"))).orElseThrow();
            assertEquals(Reconciliation.State.NEEDS_ATTENTION, read.state());
            assertEquals("The Saleor report could not be delivered", read.reason().orElseThrow());
            assertEquals(1L, (long) db.query(em -> new JpaReconciliations(em).needingAttention("m1")));
            Instant later = T0.plus(Duration.ofHours(2));
            assertEquals(3, (int) db.query(em -> new JpaReconciliations(em).start(later, later, 100)),
                "the three open transactions start; the flagged settled one is left to staff");
            assertEquals(Reconciliation.State.NEEDS_ATTENTION, db.query(em -> new JpaReconciliations(em)
                .of("m1", TransactionId.of("charged"))).orElseThrow().state());
        }
    }

    static final Instant NOW = T0.plus(Duration.ofHours(1));

    /** {@link #seeded} with the open transactions' reconciliations started, due {@link #NOW}. */
    static TestDatabase started(String kind) {
        TestDatabase db = seeded(kind);
        db.run(em -> new JpaReconciliations(em).start(NOW, NOW, 100));
        return db;
    }

    static Reconciliation read(TestDatabase db, String transactionId) {
        return db.query(em -> new JpaReconciliations(em).of("m1", TransactionId.of(transactionId))).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeMadeFromAnOlderReadIsRefusedAndTheStoredOneStands(String kind) {
        try (TestDatabase db = started(kind)) {
            Reconciliation checker = db.query(em -> new JpaReconciliations(em).claimDue(NOW, Duration.ofMinutes(5), 10))
                .get(0);
            assertEquals("hold", checker.transactionId().value());
            assertEquals(read(db, "hold").version(), checker.version(), "the claim hands out the version it stored");
            Reconciliation flagger = read(db, "hold");
            flagger.flag("The Saleor report could not be delivered", NOW);
            db.run(em -> new JpaReconciliations(em).update(flagger));

            checker.stillUnknown("on hold", NOW, POLICY);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaReconciliations(em).update(checker)));
            Reconciliation stored = read(db, "hold");
            assertEquals(Reconciliation.State.NEEDS_ATTENTION, stored.state());
            assertEquals("The Saleor report could not be delivered", stored.reason().orElseThrow());
            assertEquals(0, stored.attempts(), "the stale check is not stored");

            Reconciliation staff = read(db, "hold");
            Reconciliation job = read(db, "hold");
            staff.resolve("admin", "done", NOW);
            db.run(em -> new JpaReconciliations(em).update(staff));
            job.flag("again", NOW);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaReconciliations(em).update(job)));
            assertEquals(Reconciliation.State.RESOLVED, read(db, "hold").state());

            assertThrows(Conflict.class, () -> db.run(em -> new JpaReconciliations(em).add(
                Reconciliation.flagged("m1", TransactionId.of("hold"), "twice", NOW))), "one reconciliation per transaction");
            assertThrows(Conflict.class, () -> db.run(em -> new JpaReconciliations(em).update(
                Reconciliation.flagged("m1", TransactionId.of("charged"), "never stored", NOW))));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClaimMadeAfterAWriterReadTheReconciliationRefusesThatWritersChange(String kind) {
        try (TestDatabase db = started(kind)) {
            Reconciliation before = read(db, "hold");
            assertEquals(1, db.query(em -> new JpaReconciliations(em).claimDue(NOW, Duration.ofMinutes(5), 1)).size());

            before.settled("arrived", false, NOW);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaReconciliations(em).update(before)));
            assertEquals(Reconciliation.State.CHECKING, read(db, "hold").state());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeCommittedAfterThisTransactionReadTheReconciliationIsRefused(String kind) {
        try (TestDatabase db = started(kind)) {
            EntityManager slow = db.entityManagerFactory().createEntityManager();
            try {
                slow.getTransaction().begin();
                Reconciliation seen = new JpaReconciliations(slow).of("m1", TransactionId.of("hold")).orElseThrow();
                Reconciliation other = read(db, "hold");
                other.flag("The Saleor report could not be delivered", NOW);
                db.run(em -> new JpaReconciliations(em).update(other));

                seen.settled("arrived", false, NOW);
                assertThrows(Conflict.class, () -> new JpaReconciliations(slow).update(seen));
            } finally {
                if (slow.getTransaction().isActive()) {
                    slow.getTransaction().rollback();
                }
                slow.close();
            }
            assertEquals(Reconciliation.State.NEEDS_ATTENTION, read(db, "hold").state());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFlagAddedWhileTheJobStartedTheSameTransactionIsAConflictNotADatabaseError(String kind) {
        try (TestDatabase db = seeded(kind)) {
            EntityManager flagging = db.entityManagerFactory().createEntityManager();
            try {
                flagging.getTransaction().begin();
                JpaReconciliations reconciliations = new JpaReconciliations(flagging);
                assertTrue(reconciliations.of("m1", TransactionId.of("hold")).isEmpty(), "none yet when the flag reads");
                db.run(em -> new JpaReconciliations(em).start(NOW.minus(POLICY.age()), NOW, 10));

                Conflict refused = assertThrows(Conflict.class, () -> reconciliations.add(
                    Reconciliation.flagged("m1", TransactionId.of("hold"), "The Saleor report could not be delivered", NOW)));
                assertTrue(refused.getMessage().contains("has a reconciliation already"), refused.getMessage());
            } finally {
                if (flagging.getTransaction().isActive()) {
                    flagging.getTransaction().rollback();
                }
                flagging.close();
            }
            assertEquals(Reconciliation.State.CHECKING, read(db, "hold").state(), "the job's start stands");
        }
    }
}
