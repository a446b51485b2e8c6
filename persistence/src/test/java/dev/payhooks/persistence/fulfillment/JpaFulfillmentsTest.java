package dev.payhooks.persistence.fulfillment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.FulfillmentSnapshot;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaFulfillmentsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final TransactionId TX1 = TransactionId.of("tx-1");
    static final TransactionId TX2 = TransactionId.of("tx-2");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static TestDatabase database(String kind) {
        return TestDatabase.create(kind).withMerchants("m1").withTransactions("m1", TX1.value(), TX2.value());
    }

    static Fulfillment recorded(TransactionId tx, String id, Instant at) {
        return Fulfillment.record(FulfillmentId.of(id), tx, TrackingNumber.of("1234-5678-9012"), "50000", at);
    }

    static void add(TestDatabase db, Fulfillment... fulfillments) {
        db.run(em -> {
            for (Fulfillment fulfillment : fulfillments) {
                new JpaFulfillments(em).add(fulfillment);
            }
        });
    }

    static Fulfillment read(TestDatabase db, TransactionId tx, String id) {
        return db.query(em -> new JpaFulfillments(em).byId(tx, FulfillmentId.of(id)).orElseThrow());
    }

    /** Applies the change to a freshly read copy, stores it, and to the test's own copy for comparison. */
    static void change(TestDatabase db, Fulfillment mine, Consumer<Fulfillment> change) {
        db.run(em -> {
            Fulfillment stored = new JpaFulfillments(em).byId(mine.transactionId(), mine.id()).orElseThrow();
            change.accept(stored);
            new JpaFulfillments(em).update(stored);
        });
        change.accept(mine);
    }

    static FulfillmentSnapshot atVersion(Fulfillment f, long version) {
        FulfillmentSnapshot s = f.snapshot();
        return new FulfillmentSnapshot(s.id(), s.transactionId(), s.trackingNumber(), s.carrierCode(), s.status(),
            s.message(), s.reportAttempts(), s.lastAttemptAt(), s.createdAt(), s.updatedAt(), version);
    }

    static List<String> awaiting(TestDatabase db, int limit) {
        return db.query(em -> new JpaFulfillments(em).awaitingReport(limit)).stream()
            .map(f -> f.transactionId() + "/" + f.id()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFulfillmentKeepsEveryFieldThroughReportsAndNewTrackingNumbers(String kind) {
        try (TestDatabase db = database(kind)) {
            Fulfillment mine = recorded(TX1, "RnVsZmlsbG1lbnQ6MQ==", T0);
            add(db, mine);
            assertEquals(mine.snapshot(), read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==").snapshot());

            change(db, mine, f -> f.reportFailed("E0100113: slip number not accepted", T0.plusSeconds(10)));
            Fulfillment failedOnce = read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==");
            assertEquals(atVersion(mine, 1), failedOnce.snapshot());
            assertEquals(ShipmentReportStatus.FAILED, failedOnce.status());
            assertEquals(1, failedOnce.reportAttempts());
            assertEquals(T0.plusSeconds(10), failedOnce.lastAttemptAt().orElseThrow());

            change(db, mine, f -> f.reportFailed("connect timed out", T0.plusSeconds(20)));
            assertEquals(2, read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==").reportAttempts());

            change(db, mine, f -> f.reportSucceeded(T0.plusSeconds(30)));
            Fulfillment reported = read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==");
            assertEquals(atVersion(mine, 3), reported.snapshot());
            assertEquals(ShipmentReportStatus.REPORTED, reported.status());
            assertEquals(3, reported.reportAttempts());
            assertTrue(reported.message().isEmpty());

            change(db, mine, f -> f.trackingNumberChanged(TrackingNumber.of("９９９９"), null, T0.plusSeconds(40)));
            Fulfillment renumbered = read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==");
            assertEquals(atVersion(mine, 4), renumbered.snapshot());
            assertEquals("9999", renumbered.trackingNumber().value());
            assertTrue(renumbered.carrierCode().isEmpty());
            assertEquals(ShipmentReportStatus.PENDING, renumbered.status());
            assertEquals(0, renumbered.reportAttempts());
            assertTrue(renumbered.lastAttemptAt().isEmpty());
            assertEquals(T0, renumbered.createdAt());

            change(db, mine, f -> f.reportSucceeded(T0.plusSeconds(50)));
            change(db, mine, f -> f.reportNeededAgain(T0.plusSeconds(60)));
            assertEquals(atVersion(mine, 6), read(db, TX1, "RnVsZmlsbG1lbnQ6MQ==").snapshot());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLongestValuesTheDomainAcceptsFit(String kind) {
        try (TestDatabase db = database(kind)) {
            // multi-byte characters: lengths are counted in characters on both databases, not bytes
            Fulfillment mine = Fulfillment.record(FulfillmentId.of("配送".repeat(127) + "x"), TX1,
                TrackingNumber.of("1".repeat(TrackingNumber.MAX_LENGTH)), "C".repeat(32), T0);
            add(db, mine);
            change(db, mine, f -> f.reportFailed("失敗".repeat(3_000), T0.plusSeconds(1)));

            Fulfillment stored = read(db, TX1, mine.id().value());
            assertEquals(atVersion(mine, 1), stored.snapshot());
            assertEquals(255, stored.id().value().length());
            assertEquals(1_000, stored.message().orElseThrow().length());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameSaleorIdOnAnotherTransactionIsAnotherFulfillment(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, recorded(TX1, "RnVsZmlsbG1lbnQ6MQ==", T0), recorded(TX2, "RnVsZmlsbG1lbnQ6MQ==", T0.plusSeconds(1)));

            assertThrows(Conflict.class, () -> add(db, recorded(TX1, "RnVsZmlsbG1lbnQ6MQ==", T0.plusSeconds(2))));
            assertEquals(T0.plusSeconds(1), read(db, TX2, "RnVsZmlsbG1lbnQ6MQ==").createdAt());
            assertTrue(db.query(em -> new JpaFulfillments(em).byId(TX1, FulfillmentId.of("RnVsZmlsbG1lbnQ6Mg=="))).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionsFulfillmentsComeFirstRecordedFirst(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, recorded(TX1, "f-c", T0.plusSeconds(5)), recorded(TX1, "f-b", T0), recorded(TX1, "f-a", T0),
                recorded(TX2, "f-other", T0.minusSeconds(1)));

            assertEquals(List.of("f-a", "f-b", "f-c"),
                db.query(em -> new JpaFulfillments(em).ofTransaction(TX1)).stream().map(f -> f.id().value()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void awaitingReportIsPendingOrFailedFirstRecordedFirst(String kind) {
        try (TestDatabase db = database(kind)) {
            Fulfillment reported = recorded(TX1, "reported", T0);
            Fulfillment failed = recorded(TX2, "failed", T0.plusSeconds(1));
            Fulfillment reportedThenNeededAgain = recorded(TX1, "again", T0.plusSeconds(3));
            add(db, reported, failed, reportedThenNeededAgain, recorded(TX2, "pending-b", T0.plusSeconds(2)),
                recorded(TX1, "pending-b", T0.plusSeconds(2)), recorded(TX1, "pending-a", T0.plusSeconds(2)));
            change(db, reported, f -> f.reportSucceeded(T0.plusSeconds(10)));
            change(db, failed, f -> f.reportFailed("503 Service Unavailable", T0.plusSeconds(10)));
            change(db, reportedThenNeededAgain, f -> f.reportSucceeded(T0.plusSeconds(10)));
            change(db, reportedThenNeededAgain, f -> f.reportNeededAgain(T0.plusSeconds(20)));

            assertEquals(List.of("tx-2/failed", "tx-1/pending-a", "tx-1/pending-b", "tx-2/pending-b", "tx-1/again"),
                awaiting(db, 10));
            assertEquals(List.of("tx-2/failed", "tx-1/pending-a"), awaiting(db, 2));
            assertThrows(IllegalArgumentException.class, () -> awaiting(db, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesConflict(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, recorded(TX1, "f-1", T0));
            Fulfillment stale = read(db, TX1, "f-1");
            change(db, read(db, TX1, "f-1"), f -> f.reportSucceeded(T0.plusSeconds(1)));

            stale.reportFailed("timed out", T0.plusSeconds(2));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaFulfillments(em).update(stale)));
            assertThrows(Conflict.class, () -> db.run(em -> new JpaFulfillments(em).update(recorded(TX2, "f-1", T0))));
            assertEquals(ShipmentReportStatus.REPORTED, read(db, TX1, "f-1").status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aChangeCommittedAfterThisTransactionReadTheFulfillmentConflicts(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, recorded(TX1, "f-1", T0));
            EntityManager slow = db.entityManagerFactory().createEntityManager();
            try {
                slow.getTransaction().begin();
                Fulfillment seen = new JpaFulfillments(slow).byId(TX1, FulfillmentId.of("f-1")).orElseThrow();
                change(db, read(db, TX1, "f-1"), f -> f.reportSucceeded(T0.plusSeconds(1)));

                seen.reportFailed("timed out", T0.plusSeconds(2));
                assertThrows(Conflict.class, () -> new JpaFulfillments(slow).update(seen));
            } finally {
                if (slow.getTransaction().isActive()) {
                    slow.getTransaction().rollback();
                }
                slow.close();
            }
            assertEquals(ShipmentReportStatus.REPORTED, read(db, TX1, "f-1").status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void fulfillmentsGoWithTheirTransaction(String kind) {
        try (TestDatabase db = database(kind)) {
            add(db, recorded(TX1, "f-1", T0), recorded(TX1, "f-2", T0), recorded(TX2, "f-1", T0));

            db.execute("delete from payment_transaction where id = 'tx-1'");

            assertEquals(1, db.count("fulfillment"));
            assertEquals(List.of("tx-2/f-1"), awaiting(db, 10));
        }
    }
}
