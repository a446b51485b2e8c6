package dev.payhooks.persistence.refund;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.refund.RefundSnapshot;
import dev.payhooks.domain.refund.RefundStage;
import dev.payhooks.domain.refund.RefundStatus;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaRefundsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final TransactionId TX1 = TransactionId.of("tx-1");
    static final TransactionId TX2 = TransactionId.of("tx-2");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static TestDatabase database(String kind) {
        return TestDatabase.create(kind).withMerchants("m1").withTransactions("m1", TX1.value(), TX2.value());
    }

    static Money jpy(long amount) {
        return Money.of(amount, Currency.JPY);
    }

    static Refund manual(String id, TransactionId tx, Instant at) {
        return Refund.requestManual(RefundId.of(id), tx, jpy(1_500), RefundStage.BEFORE_SHIPMENT, at);
    }

    static Refund granted(String id, TransactionId tx, String grantedRefundId, Instant at) {
        return Refund.requestGranted(RefundId.of(id), tx, grantedRefundId, jpy(2_300),
            List.of(new RefundLine("line-1", "order-line-1", 2, jpy(1_800)), RefundLine.of("line-2", "order-line-2", 1)),
            true, RefundStage.AFTER_SHIPMENT, at);
    }

    static void add(TestDatabase db, Refund... refunds) {
        db.run(em -> {
            for (Refund refund : refunds) {
                new JpaRefunds(em).add(refund);
            }
        });
    }

    static Refund read(TestDatabase db, String id) {
        return db.query(em -> new JpaRefunds(em).byId(RefundId.of(id)).orElseThrow());
    }

    static RefundSnapshot atVersion(Refund refund, long version) {
        RefundSnapshot s = refund.snapshot();
        return new RefundSnapshot(s.id(), s.transactionId(), s.kind(), s.grantedRefundId(), s.amount(), s.lines(),
            s.includesShipping(), s.stage(), s.status(), s.providerReference(), s.message(), s.requestedAt(),
            s.updatedAt(), version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void manualAndGrantedRefundsKeepEveryField(String kind) {
        try (TestDatabase db = database(kind)) {
            Refund manual = manual("r-manual", TX1, T0);
            Refund granted = granted("r-granted", TX1, "T3JkZXJHcmFudGVkUmVmdW5kOjE=", T0.plusSeconds(1));
            Refund shippingOnly = Refund.requestGranted(RefundId.of("r-shipping"), TX1, "T3JkZXJHcmFudGVkUmVmdW5kOjI=",
                jpy(500), List.of(), true, RefundStage.BEFORE_SHIPMENT, T0.plusSeconds(2));
            add(db, manual, granted, shippingOnly);

            assertEquals(manual.snapshot(), read(db, "r-manual").snapshot());
            assertEquals(granted.snapshot(), read(db, "r-granted").snapshot());
            assertEquals(shippingOnly.snapshot(), read(db, "r-shipping").snapshot());

            db.run(em -> {
                JpaRefunds refunds = new JpaRefunds(em);
                Refund m = refunds.byId(RefundId.of("r-manual")).orElseThrow();
                m.succeeded("22222222222", T0.plusSeconds(10));
                refunds.update(m);
                Refund g = refunds.byId(RefundId.of("r-granted")).orElseThrow();
                g.failed("cancel succeeded; re-register failed: E0100002", T0.plusSeconds(11));
                refunds.update(g);
            });
            manual.succeeded("22222222222", T0.plusSeconds(10));
            granted.failed("cancel succeeded; re-register failed: E0100002", T0.plusSeconds(11));

            assertEquals(atVersion(manual, 1), read(db, "r-manual").snapshot());
            assertEquals(atVersion(granted, 1), read(db, "r-granted").snapshot());
            assertEquals(RefundStatus.REQUESTED, read(db, "r-shipping").status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLongestValuesTheDomainAcceptsFit(String kind) {
        try (TestDatabase db = database(kind)) {
            // multi-byte characters: lengths are counted in characters on both databases, not bytes
            String longest = "あ".repeat(255);
            Refund refund = Refund.requestGranted(RefundId.of("r".repeat(64)), TX1, longest, jpy(Long.MAX_VALUE),
                List.of(new RefundLine(longest, "い".repeat(255), Integer.MAX_VALUE, jpy(Long.MAX_VALUE))), false,
                RefundStage.BEFORE_SHIPMENT, T0);
            add(db, refund);
            db.run(em -> {
                Refund stored = new JpaRefunds(em).byId(refund.id()).orElseThrow();
                stored.failed("失敗".repeat(3_000), T0.plusSeconds(1));
                new JpaRefunds(em).update(stored);
            });
            refund.failed("失敗".repeat(3_000), T0.plusSeconds(1));

            assertEquals(1_000, read(db, refund.id().value()).message().orElseThrow().length());
            assertEquals(atVersion(refund, 1), read(db, refund.id().value()).snapshot());

            Refund succeeded = manual("r-long-reference", TX1, T0);
            add(db, succeeded);
            db.run(em -> {
                Refund stored = new JpaRefunds(em).byId(succeeded.id()).orElseThrow();
                stored.succeeded("ref-".repeat(1_000), T0.plusSeconds(1));
                new JpaRefunds(em).update(stored);
            });
            assertEquals("ref-".repeat(1_000), read(db, "r-long-reference").providerReference().orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRedeliveredGrantedRefundFindsTheRefundMadeForIt(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, granted("r-1", TX1, "granted-1", T0), manual("r-2", TX1, T0));

            assertEquals("r-1", db.query(em -> new JpaRefunds(em).byGrantedRefundId(TX1, "granted-1")).orElseThrow().id().value());
            assertTrue(db.query(em -> new JpaRefunds(em).byGrantedRefundId(TX1, "granted-2")).isEmpty());
            assertTrue(db.query(em -> new JpaRefunds(em).byGrantedRefundId(TX2, "granted-1")).isEmpty());

            assertThrows(Conflict.class, () -> add(db, granted("r-3", TX1, "granted-1", T0)));
            assertThrows(Conflict.class, () -> add(db, manual("r-2", TX2, T0)));
            // Saleor ids are per Saleor instance; another transaction may meet the same one
            add(db, granted("r-4", TX2, "granted-1", T0));
            assertEquals("r-4", db.query(em -> new JpaRefunds(em).byGrantedRefundId(TX2, "granted-1")).orElseThrow().id().value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionsRefundsComeFirstRequestedFirst(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, manual("r-c", TX1, T0.plusSeconds(5)), manual("r-b", TX1, T0), manual("r-a", TX1, T0),
                manual("r-other", TX2, T0.minusSeconds(1)));

            assertEquals(List.of("r-a", "r-b", "r-c"),
                db.query(em -> new JpaRefunds(em).ofTransaction(TX1)).stream().map(r -> r.id().value()).toList());
            assertEquals(List.of(), db.query(em -> new JpaRefunds(em).ofTransaction(TransactionId.of("tx-none"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesConflict(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, manual("r-1", TX1, T0));
            Refund stale = read(db, "r-1");
            db.run(em -> {
                Refund fresh = new JpaRefunds(em).byId(RefundId.of("r-1")).orElseThrow();
                fresh.succeeded("psp-1", T0.plusSeconds(1));
                new JpaRefunds(em).update(fresh);
            });

            stale.failed("timed out", T0.plusSeconds(2));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaRefunds(em).update(stale)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaRefunds(em).update(manual("r-unknown", TX1, T0))));
            assertEquals(RefundStatus.SUCCEEDED, read(db, "r-1").status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aChangeCommittedAfterThisTransactionReadTheRefundConflicts(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, manual("r-1", TX1, T0));
            EntityManager slow = db.entityManagerFactory().createEntityManager();
            try {
                slow.getTransaction().begin();
                Refund seen = new JpaRefunds(slow).byId(RefundId.of("r-1")).orElseThrow();
                db.run(em -> {
                    Refund fresh = new JpaRefunds(em).byId(RefundId.of("r-1")).orElseThrow();
                    fresh.succeeded("psp-1", T0.plusSeconds(1));
                    new JpaRefunds(em).update(fresh);
                });

                seen.failed("timed out", T0.plusSeconds(2));
                assertThrows(Conflict.class, () -> new JpaRefunds(slow).update(seen));
            } finally {
                if (slow.getTransaction().isActive()) {
                    slow.getTransaction().rollback();
                }
                slow.close();
            }
            assertEquals(RefundStatus.SUCCEEDED, read(db, "r-1").status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refundsGoWithTheirTransaction(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, granted("r-1", TX1, "granted-1", T0), manual("r-2", TX1, T0), granted("r-3", TX2, "granted-1", T0));
            assertEquals(4, db.count("refund_line"));

            db.execute("delete from payment_transaction where id = 'tx-1'");

            assertEquals(1, db.count("refund"));
            assertEquals(2, db.count("refund_line"));
            assertEquals(List.of("r-3"),
                db.query(em -> new JpaRefunds(em).ofTransaction(TX2)).stream().map(r -> r.id().value()).toList());
        }
    }
}
