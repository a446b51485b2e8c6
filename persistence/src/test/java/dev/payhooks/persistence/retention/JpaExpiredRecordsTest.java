package dev.payhooks.persistence.retention;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.ExpiredRecords.StoredBody;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaMerchants;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import dev.payhooks.persistence.inbound.JpaInboundNotifications;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaExpiredRecordsTest {

    private static final Instant CUTOFF = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(10));
    private static final Instant YOUNG = CUTOFF.plus(Duration.ofDays(10));

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    private static InboundNotification notification(String id, ProcessingStatus status, int attempts, Instant receivedAt) {
        String reason = status == ProcessingStatus.IGNORED || status == ProcessingStatus.FAILED ? "why" : null;
        return InboundNotification.reconstitute(id, ProviderId.WALLEY, new NotificationKey("key-" + id), "m-1", "se",
            ("{\"Payload\": {\"Email\": \"" + id + "@example.se\"}}").getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("content-type", "application/json")), receivedAt, VerificationResult.verified(),
            status, reason, attempts, status == ProcessingStatus.RECEIVED ? null : receivedAt.plusSeconds(1), null, 0);
    }

    private static void storeNotifications(TestDatabase db) {
        db.run(em -> {
            JpaInboundNotifications notifications = new JpaInboundNotifications(em);
            notifications.store(notification("old-processed", ProcessingStatus.PROCESSED, 1, OLD));
            notifications.store(notification("old-ignored", ProcessingStatus.IGNORED, 1, OLD.plusSeconds(1)));
            notifications.store(notification("old-received", ProcessingStatus.RECEIVED, 0, OLD));
            notifications.store(notification("old-retrying", ProcessingStatus.FAILED, 3, OLD));
            notifications.store(notification("old-failed-for-good", ProcessingStatus.FAILED,
                InboundNotification.MAX_PROCESSING_ATTEMPTS, OLD));
            notifications.store(notification("young-processed", ProcessingStatus.PROCESSED, 1, YOUNG));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deletesOnlyFinishedNotificationsReceivedBeforeTheCutoffInBatches(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            storeNotifications(db);

            assertEquals(1, rows(db, r -> r.deleteFinishedNotifications(CUTOFF, 1)));
            assertEquals(1, rows(db, r -> r.deleteFinishedNotifications(CUTOFF, 1)));
            assertEquals(0, rows(db, r -> r.deleteFinishedNotifications(CUTOFF, 500)));

            JpaInboundNotifications left = new JpaInboundNotifications(db.entityManagerFactory().createEntityManager());
            assertFalse(left.byId("old-processed").isPresent());
            assertFalse(left.byId("old-ignored").isPresent());
            for (String kept : List.of("old-received", "old-retrying", "old-failed-for-good", "young-processed")) {
                assertTrue(left.byId(kept).isPresent(), kept);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void redactsOnlyNotificationsThatNoLongerAwaitProcessingAndOnlyOnce(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            storeNotifications(db);

            List<StoredBody> due = db.query(em -> new JpaExpiredRecords(em).unredactedFinishedNotifications(CUTOFF, 500));
            assertEquals(List.of("old-failed-for-good", "old-processed", "old-ignored"),
                due.stream().map(StoredBody::notificationId).sorted((a, b) -> order(a) - order(b)).toList());
            assertEquals(Optional.of("application/json"), due.get(0).contentType());
            assertEquals(ProviderId.WALLEY, due.get(0).provider());

            byte[] redacted = "{\"Payload\": {\"Email\": \"[redacted]\"}}".getBytes(StandardCharsets.UTF_8);
            Instant at = YOUNG.plusSeconds(60);
            assertTrue(redacted(db, r -> r.replaceWithRedactedBody("old-processed", redacted, at)));
            assertFalse(redacted(db, r -> r.replaceWithRedactedBody("old-processed", redacted, at)));
            assertFalse(redacted(db, r -> r.replaceWithRedactedBody("old-retrying", redacted, at)));

            InboundNotification read = db.query(em -> new JpaInboundNotifications(em).byId("old-processed")).orElseThrow();
            assertArrayEquals(redacted, read.rawBody());
            assertEquals(Optional.of(at), read.redactedAt());
            assertEquals(1, read.version());
            assertEquals(ProcessingStatus.PROCESSED, read.status());
            assertEquals(Optional.empty(), db.query(em -> new JpaInboundNotifications(em).byId("old-retrying"))
                .orElseThrow().redactedAt());
            assertEquals(2, db.query(em -> new JpaExpiredRecords(em).unredactedFinishedNotifications(CUTOFF, 500)).size());
            // the dedup key is untouched: a resend is still recognised
            assertEquals(1L, (long) db.query(em -> new JpaInboundNotifications(em).search("m-1",
                dev.payhooks.domain.inbound.InboundNotifications.Filter.none(), Optional.empty(), 100).notifications().stream()
                .filter(n -> n.key().value().equals("key-old-processed")).count()));
        }
    }

    private static int rows(TestDatabase db, ToIntFunction<JpaExpiredRecords> step) {
        return db.query(em -> step.applyAsInt(new JpaExpiredRecords(em)));
    }

    private static boolean redacted(TestDatabase db, Predicate<JpaExpiredRecords> step) {
        return db.query(em -> step.test(new JpaExpiredRecords(em)));
    }

    private static int order(String id) {
        return List.of("old-failed-for-good", "old-processed", "old-ignored").indexOf(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deletesAttemptsOfFinishedDeliveriesAndEventsWithNothingPending(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            event(db, "e-old-done", OLD);
            event(db, "e-old-pending", OLD);
            event(db, "e-young", YOUNG);
            delivery(db, "d-succeeded", "e-old-done", "s-1", "SUCCEEDED", OLD, 2);
            delivery(db, "d-dead", "e-old-done", "s-2", "DEAD", OLD, 3);
            delivery(db, "d-pending", "e-old-pending", "s-1", "PENDING", OLD, 1);
            delivery(db, "d-young", "e-young", "s-1", "SUCCEEDED", YOUNG, 1);

            assertEquals(3, rows(db, r -> r.deleteAttemptsOfFinishedDeliveries(CUTOFF, 1))); // d-dead first: same time, id order
            assertEquals(2, rows(db, r -> r.deleteAttemptsOfFinishedDeliveries(CUTOFF, 1)));
            assertEquals(0, rows(db, r -> r.deleteAttemptsOfFinishedDeliveries(CUTOFF, 1)));
            assertEquals(2, db.count("delivery_attempt")); // the pending and the young delivery keep theirs
            assertEquals(4, db.count("delivery"));

            assertEquals(1, rows(db, r -> r.deleteFinishedEvents(CUTOFF, 500)));
            assertEquals(0, rows(db, r -> r.deleteFinishedEvents(CUTOFF, 500)));
            assertEquals(2, db.count("outbound_event"));
            assertEquals(2, db.count("delivery")); // the deleted event's deliveries went with it
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void removesOnlyTheContactOfTransactionsUnchangedSinceBeforeTheCutoffAndMovesTheirVersion(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.run(em -> new JpaMerchants(em).add(Merchant.register("m-1", "Shop", "aaaaaaaaaaaaaaa", OLD)));
            db.run(em -> {
                JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                transactions.add("m-1", described("old-1", OLD));
                transactions.add("m-1", described("old-2", OLD.plusSeconds(1)));
                transactions.add("m-1", described("young", YOUNG));
            });
            PaymentTransaction stale = db.query(em -> new JpaPaymentTransactions(em).byId("m-1", TransactionId.of("old-1")).orElseThrow());

            assertEquals(1, rows(db, records -> records.redactTransactionContacts(CUTOFF, 1)));
            assertEquals(1, rows(db, records -> records.redactTransactionContacts(CUTOFF, 5)));
            assertEquals(0, rows(db, records -> records.redactTransactionContacts(CUTOFF, 5)));

            for (String id : List.of("old-1", "old-2")) {
                PaymentTransaction redacted = db.query(em -> new JpaPaymentTransactions(em).byId("m-1", TransactionId.of(id)).orElseThrow());
                assertEquals(Optional.empty(), redacted.details().contact(), id);
                assertEquals("VISA", redacted.details().method().orElseThrow().brand(), "the card stays: " + id);
                assertEquals(1, redacted.details().lineItems().size());
            }
            assertTrue(db.query(em -> new JpaPaymentTransactions(em).byId("m-1", TransactionId.of("young")).orElseThrow())
                .details().contact().isPresent());
            // a worker holding the transaction from before cannot write the contact back
            stale.chargeSucceeded(ProviderReport.of(Money.of(100, Currency.CHF), YOUNG).withEventKey("late"));
            assertThrows(RuntimeException.class, () -> db.run(em -> new JpaPaymentTransactions(em).update(stale)));
        }
    }

    private static PaymentTransaction described(String id, Instant at) {
        PaymentTransaction tx = PaymentTransaction.initialize(TransactionId.of(id), "ch", ProviderId.ANNANOW, "order-" + id,
            Currency.CHF, at);
        tx.describe(new PaymentDetails(Optional.of(new PaymentDetails.PaymentMethod("VISA", "4242 **** **** 4242", null, null)),
            List.of(new PaymentDetails.LineItem("Tea", 500L, 1L, null, null)),
            Optional.of(new PaymentDetails.Contact(Map.of("lastname", "Now", "email", "anna@example.test")))));
        tx.authorizationSucceeded(ProviderReport.of(Money.of(500, Currency.CHF), at).withEventKey("auth-" + id));
        return tx;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deletesAuditEntriesRecordedBeforeTheCutoff(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            for (int i = 0; i < 3; i++) {
                db.execute("insert into audit_entry (id, merchant_id, recorded_at, actor, action, subject, detail, source)"
                    + " values ('old-" + i + "', 'm-1', TIMESTAMP WITH TIME ZONE '2026-08-01 00:00:00+00', 'alice',"
                    + " 'webhook.created', 'x', '', 'CONSOLE')");
            }
            db.execute("insert into audit_entry (id, merchant_id, recorded_at, actor, action, subject, detail, source)"
                + " values ('young', 'm-1', TIMESTAMP WITH TIME ZONE '2026-10-01 00:00:00+00', 'alice',"
                + " 'webhook.created', 'x', '', 'CONSOLE')");

            assertEquals(2, rows(db, r -> r.deleteAuditEntries(CUTOFF, 2)));
            assertEquals(1, rows(db, r -> r.deleteAuditEntries(CUTOFF, 2)));
            assertEquals(0, rows(db, r -> r.deleteAuditEntries(CUTOFF, 2)));
            assertEquals(1, db.count("audit_entry"));
        }
    }

    private static void event(TestDatabase db, String id, Instant createdAt) {
        db.execute("insert into outbound_event (event_id, merchant_id, event_type, payload, created_at)"
            + " values ('" + id + "', 'm-1', 'transaction.updated', '{}', " + timestamp(createdAt) + ")");
    }

    private static void delivery(TestDatabase db, String id, String event, String subscription, String status,
                                 Instant updatedAt, int attempts) {
        String next = "PENDING".equals(status) ? timestamp(updatedAt) : "NULL";
        db.execute("insert into delivery (id, event_id, subscription_id, merchant_id, status, next_attempt_at,"
            + " attempts_this_round, created_at, updated_at, version) values ('" + id + "', '" + event + "', '"
            + subscription + "', 'm-1', '" + status + "', " + next + ", " + attempts + ", " + timestamp(updatedAt) + ", "
            + timestamp(updatedAt) + ", 0)");
        for (int i = 0; i < attempts; i++) {
            db.execute("insert into delivery_attempt (delivery_id, attempt_number, started_at, latency_ms, http_status,"
                + " success) values ('" + id + "', " + i + ", " + timestamp(updatedAt) + ", 5, 500, false)");
        }
    }

    private static String timestamp(Instant at) {
        return "TIMESTAMP WITH TIME ZONE '" + at.toString().replace('T', ' ').replace("Z", "+00") + "'";
    }
}
