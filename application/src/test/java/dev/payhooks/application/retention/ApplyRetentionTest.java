package dev.payhooks.application.retention;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryExpiredRecords records = new InMemoryExpiredRecords();
    private final CountingUnitOfWork transactions = new CountingUnitOfWork();

    @Test
    void deletesWhatOutlivedItsPeriodInBatchesOfItsOwnTransaction() {
        for (int i = 0; i < 1200; i++) {
            records.notifications.add(NOW.minus(Duration.ofDays(91)));
        }
        records.notifications.add(NOW.minus(Duration.ofDays(89)));

        ApplyRetention.Report report = handler().apply(policy(500, 10));

        assertEquals(1200, report.notificationsDeleted());
        assertEquals(1, records.notifications.size());
        assertTrue(report.complete());
        // 500 + 500 + 200 + one that finds nothing left, for notifications; one empty batch for each other kind
        assertEquals(4 + 4, transactions.count);
        assertEquals(NOW.minus(Duration.ofDays(90)), records.cutoffs.get("notifications"));
        assertEquals(NOW.minus(Duration.ofDays(30)), records.cutoffs.get("attempts"));
        assertEquals(NOW.minus(Duration.ofDays(180)), records.cutoffs.get("events"));
        assertEquals(NOW.minus(Duration.ofDays(400)), records.cutoffs.get("audit"));
        assertEquals(NOW.minus(Duration.ofDays(30)), records.cutoffs.get("redaction"));
    }

    @Test
    void aRunStopsAfterItsBatchesAndTheNextRunGoesOn() {
        for (int i = 0; i < 25; i++) {
            records.auditEntries.add(NOW.minus(Duration.ofDays(401)));
        }
        ApplyRetention.Report first = handler().apply(policy(10, 2));
        assertEquals(20, first.auditEntriesDeleted());
        assertFalse(first.complete());
        ApplyRetention.Report second = handler().apply(policy(10, 2));
        assertEquals(5, second.auditEntriesDeleted());
        assertTrue(second.complete());
    }

    @Test
    void periodsLeftEmptyKeepEverything() {
        records.notifications.add(NOW.minus(Duration.ofDays(5000)));
        records.auditEntries.add(NOW.minus(Duration.ofDays(5000)));
        RetentionPolicy keepAll = new RetentionPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), 500, 10);

        ApplyRetention.Report report = handler().apply(keepAll);

        assertEquals(new ApplyRetention.Report(0, 0, 0, 0, 0, 0, true), report);
        assertEquals(0, transactions.count);
        assertEquals(1, records.notifications.size());
    }

    @Test
    void redactsOldBodiesOnceAndReplacesUnreadableOnesWhole() {
        records.bodies.put("n-1", body("n-1", "{\"email\": \"a@example.com\"}", NOW.minus(Duration.ofDays(31))));
        records.bodies.put("n-2", body("n-2", "boom", NOW.minus(Duration.ofDays(40))));
        records.bodies.put("n-3", body("n-3", "{\"email\": \"young@example.com\"}", NOW.minus(Duration.ofDays(29))));
        PersonalDataRedaction redaction = (provider, type, raw) -> {
            if (new String(raw, StandardCharsets.UTF_8).equals("boom")) {
                throw new IllegalStateException("the redaction failed on this body");
            }
            return "{\"email\": \"[redacted]\"}".getBytes(StandardCharsets.UTF_8);
        };

        ApplyRetention.Report report = new ApplyRetention(records, redaction, transactions, CLOCK).apply(policy(1, 10));

        assertEquals(2, report.bodiesRedacted());
        assertArrayEquals("{\"email\": \"[redacted]\"}".getBytes(StandardCharsets.UTF_8), records.bodies.get("n-1").body());
        assertArrayEquals(PersonalDataRedaction.UNREADABLE.getBytes(StandardCharsets.UTF_8), records.bodies.get("n-2").body());
        assertEquals(Optional.of(NOW), records.redactedAt("n-1"));
        assertEquals(Optional.empty(), records.redactedAt("n-3"));

        assertEquals(0, handler().apply(policy(1, 10)).bodiesRedacted());
    }

    @Test
    void contactsOfTransactionsUnchangedForTheRedactionAgeGoInTheRedactionBatches() {
        for (int i = 0; i < 3; i++) {
            records.contacts.add(NOW.minus(Duration.ofDays(31)));
        }
        records.contacts.add(NOW.minus(Duration.ofDays(29)));

        ApplyRetention.Report report = handler().apply(policy(1, 10));

        assertEquals(3, report.contactsRedacted());
        assertEquals(0, report.bodiesRedacted());
        assertEquals(NOW.minus(Duration.ofDays(30)), records.cutoffs.get("contacts"));
        assertEquals(List.of(NOW.minus(Duration.ofDays(29))), records.contacts);
        assertTrue(report.complete());
        assertTrue(report.toString().contains("3 transaction contacts"), report.toString());

        ApplyRetention.Report limited = handler().apply(new RetentionPolicy(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), 500, 10));
        assertEquals(0, limited.contactsRedacted());
    }

    @Test
    void bodiesAnotherInstanceRedactedFirstAreNotCountedAndTheRunMovesOn() {
        for (int i = 0; i < 3; i++) {
            records.bodies.put("n-" + i, body("n-" + i, "{}", NOW.minus(Duration.ofDays(60))));
        }
        records.redactedElsewhere.add("n-0");

        ApplyRetention.Report report = handler().apply(policy(1, 10));

        assertEquals(2, report.bodiesRedacted());
        assertTrue(report.complete());
    }

    @Test
    void thePolicyRefusesPeriodsThatWouldBreakDeduplication() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(RetentionPolicy.days(30), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), 500, 10));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), 500, 0));
        assertEquals(Optional.empty(), RetentionPolicy.days(0));
        assertEquals(Optional.of(Duration.ofDays(31)), RetentionPolicy.days(31));
    }

    private ApplyRetention handler() {
        return new ApplyRetention(records, (provider, type, raw) -> raw, transactions, CLOCK);
    }

    private static RetentionPolicy policy(int batchSize, int maxBatches) {
        return new RetentionPolicy(RetentionPolicy.days(90), RetentionPolicy.days(30), RetentionPolicy.days(30),
            RetentionPolicy.days(180), RetentionPolicy.days(400), batchSize, maxBatches);
    }

    private static Body body(String id, String text, Instant receivedAt) {
        return new Body(new ExpiredRecords.StoredBody(id, ProviderId.WALLEY, Optional.of("application/json"),
            text.getBytes(StandardCharsets.UTF_8)), receivedAt);
    }

    private record Body(ExpiredRecords.StoredBody stored, Instant receivedAt, Instant redactedAt) {
        Body(ExpiredRecords.StoredBody stored, Instant receivedAt) {
            this(stored, receivedAt, null);
        }

        byte[] body() {
            return stored.body();
        }
    }

    private static final class CountingUnitOfWork implements UnitOfWork {
        int count;

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            count++;
            return work.get();
        }
    }

    /** Finished rows only: what is still pending never reaches these lists. */
    private static final class InMemoryExpiredRecords implements ExpiredRecords {
        final List<Instant> notifications = new ArrayList<>();
        final List<Instant> auditEntries = new ArrayList<>();
        /** When each transaction holding a contact last changed. */
        final List<Instant> contacts = new ArrayList<>();
        final Map<String, Body> bodies = new LinkedHashMap<>();
        final List<String> redactedElsewhere = new ArrayList<>();
        final Map<String, Instant> cutoffs = new LinkedHashMap<>();

        Optional<Instant> redactedAt(String id) {
            return Optional.ofNullable(bodies.get(id).redactedAt());
        }

        @Override
        public int deleteFinishedNotifications(Instant receivedBefore, int limit) {
            cutoffs.put("notifications", receivedBefore);
            return deleteBefore(notifications, receivedBefore, limit);
        }

        @Override
        public List<StoredBody> unredactedFinishedNotifications(Instant receivedBefore, int limit) {
            cutoffs.put("redaction", receivedBefore);
            return bodies.values().stream()
                .filter(b -> b.redactedAt() == null && b.receivedAt().isBefore(receivedBefore))
                .limit(limit).map(Body::stored).toList();
        }

        @Override
        public boolean replaceWithRedactedBody(String notificationId, byte[] redactedBody, Instant at) {
            Body old = bodies.get(notificationId);
            boolean elsewhere = redactedElsewhere.remove(notificationId);
            bodies.put(notificationId, new Body(new StoredBody(notificationId, old.stored().provider(),
                old.stored().contentType(), redactedBody), old.receivedAt(), at));
            return !elsewhere;
        }

        @Override
        public int redactTransactionContacts(Instant updatedBefore, int limit) {
            cutoffs.put("contacts", updatedBefore);
            return deleteBefore(contacts, updatedBefore, limit);
        }

        @Override
        public int deleteAttemptsOfFinishedDeliveries(Instant finishedBefore, int limit) {
            cutoffs.put("attempts", finishedBefore);
            return 0;
        }

        @Override
        public int deleteFinishedEvents(Instant createdBefore, int limit) {
            cutoffs.put("events", createdBefore);
            return 0;
        }

        @Override
        public int deleteAuditEntries(Instant recordedBefore, int limit) {
            cutoffs.put("audit", recordedBefore);
            return deleteBefore(auditEntries, recordedBefore, limit);
        }

        private static int deleteBefore(List<Instant> rows, Instant before, int limit) {
            int deleted = 0;
            for (var it = rows.iterator(); it.hasNext() && deleted < limit; ) {
                if (it.next().isBefore(before)) {
                    it.remove();
                    deleted++;
                }
            }
            return deleted;
        }
    }
}
