package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class JpaInboundNotificationsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    private static InboundNotification notification(String id, ProviderId provider, String key, Instant receivedAt) {
        return InboundNotification.register(id, provider, new NotificationKey(key), "merchant-1", "default-channel",
            ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("Content-Type", "application/json")), VerificationResult.verified(), receivedAt);
    }

    private static InboundNotification stored(String id, ProcessingStatus status, String reason, int attempts, Instant receivedAt) {
        return InboundNotification.reconstitute(id, ProviderId.ANNANOW, new NotificationKey("key-" + id), null, null,
            new byte[] {1}, NotificationHeaders.none(), receivedAt, VerificationResult.notRequired(), status, reason, attempts,
            status == ProcessingStatus.RECEIVED ? null : receivedAt.plusSeconds(1), null, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAndFindsANotificationExactlyAsItArrived(String kind) {
        byte[] everyByte = new byte[256 + 3];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        everyByte[256] = (byte) 0xC3; // a truncated UTF-8 sequence: the body is bytes, not text
        everyByte[257] = 0;
        everyByte[258] = (byte) 0xFF;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic dXNlcjpwYXNz");
        headers.put("Walley-Signature", "v1=\"abc\\def\"");
        headers.put("X-Note", "Zürich – 東京, a=b; c:d");
        headers.put("X-Empty", "");
        InboundNotification arrived = InboundNotification.register("n-1", ProviderId.WALLEY,
            new NotificationKey("walley:order:created:45e0:c-1"), "merchant-1", "channel-se", everyByte,
            NotificationHeaders.of(headers), VerificationResult.verified(), T0);

        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            StoreResult result = db.query(em -> new JpaInboundNotifications(em).store(arrived));
            assertEquals(StoreResult.stored("n-1"), result);

            InboundNotification found = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(ProviderId.WALLEY, found.provider());
            assertEquals(new NotificationKey("walley:order:created:45e0:c-1"), found.key());
            assertEquals(Optional.of("merchant-1"), found.merchantId());
            assertEquals(Optional.of("channel-se"), found.channelSlug());
            assertArrayEquals(everyByte, found.rawBody());
            assertEquals(NotificationHeaders.of(headers), found.headers());
            assertEquals("Basic dXNlcjpwYXNz", found.headers().value("authorization").orElseThrow());
            assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), found.receivedAt());
            assertEquals(VerificationResult.verified(), found.verification());
            assertEquals(ProcessingStatus.RECEIVED, found.status());
            assertEquals(0, found.attempts());
            assertEquals(Optional.empty(), found.lastAttemptAt());
            assertEquals(0, found.version());
            assertEquals(Optional.empty(), db.query(em -> new JpaInboundNotifications(em).byId("n-2")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void timesAreStoredAsInstantsWhateverTheLocalTimeZone(String kind) throws SQLException {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            InboundNotification arrived = notification("n-1", ProviderId.ADYEN, "k", T0);
            db.run(em -> new JpaInboundNotifications(em).store(arrived));
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                InboundNotification n = notifications.byId("n-1").orElseThrow();
                n.markFailed("provider timeout", Instant.parse("2026-11-23T23:59:59.999999Z"));
                notifications.update(n);
            });

            InboundNotification found = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), found.receivedAt());
            assertEquals(Optional.of(Instant.parse("2026-11-23T23:59:59.999999Z")), found.lastAttemptAt());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT received_at, last_attempt_at FROM inbound_notification")) {
                assertTrue(row.next());
                assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), row.getObject(1, OffsetDateTime.class).toInstant());
                assertEquals(Instant.parse("2026-11-23T23:59:59.999999Z"), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNotificationThatFailedVerificationIsStoredWithItsReason(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(InboundNotification.register("n-1", ProviderId.ADYEN,
                new NotificationKey("k"), null, null, new byte[0], NotificationHeaders.none(),
                VerificationResult.failed("HMAC signature mismatch"), T0)));

            InboundNotification found = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(VerificationResult.failed("HMAC signature mismatch"), found.verification());
            assertEquals(ProcessingStatus.IGNORED, found.status());
            assertEquals(Optional.of("verification failed: HMAC signature mismatch"), found.statusReason());
            assertEquals(Optional.empty(), found.merchantId());
            assertArrayEquals(new byte[0], found.rawBody());
            assertTrue(found.headers().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aResentNotificationIsADuplicateOfTheStoredOne(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "psp-1:CAPTURE:true", T0)));

            StoreResult again = db.query(em -> new JpaInboundNotifications(em)
                .store(notification("n-2", ProviderId.ADYEN, "psp-1:CAPTURE:true", T0.plusSeconds(60))));
            assertEquals(StoreResult.duplicateOf("n-1"), again);
            assertTrue(again.isDuplicate());

            StoreResult sameKeyOtherProvider = db.query(em -> new JpaInboundNotifications(em)
                .store(notification("n-3", ProviderId.WALLEY, "psp-1:CAPTURE:true", T0)));
            assertEquals(StoreResult.stored("n-3"), sameKeyOtherProvider);
            assertEquals(2L, count(db));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameKeyAtAnotherMerchantOrChannelIsAnotherNotificationNotADuplicate(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            String key = "adyen:psp-1:AUTHORISATION:true:";
            db.run(em -> new JpaInboundNotifications(em).store(scoped("n-1", "merchant-1", "shop", key)));

            // two merchants' Adyen accounts hand out the same pspReference: not a resend
            assertEquals(StoreResult.stored("n-2"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-2", "merchant-2", "shop", key))));
            // another channel of the same merchant holds another provider account
            assertEquals(StoreResult.stored("n-3"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-3", "merchant-1", "outlet", key))));
            // a resend is still one within its own merchant and channel
            assertEquals(StoreResult.duplicateOf("n-1"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-4", "merchant-1", "shop", key))));
            assertEquals(StoreResult.duplicateOf("n-2"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-5", "merchant-2", "shop", key))));
            assertEquals(3L, count(db));
            assertEquals(Optional.of("merchant-2"),
                db.query(em -> new JpaInboundNotifications(em).byId("n-2")).orElseThrow().merchantId());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeletedMerchantsRowsKeepTheirOwnDedupScope(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(scoped("n-1", null, null, "k")));
            assertEquals(StoreResult.duplicateOf("n-1"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-2", null, null, "k"))));
            db.run(em -> new JpaInboundNotifications(em).store(scoped("n-3", "merchant-3", "shop", "k")));
            db.execute("delete from merchant where id = 'merchant-3'");
            assertEquals(Optional.empty(), db.query(em -> new JpaInboundNotifications(em).byId("n-3")).orElseThrow().merchantId());
            // the merchant is gone, the scope its rows were stored in is not: still none for the absent scope
            assertEquals(StoreResult.duplicateOf("n-1"),
                db.query(em -> new JpaInboundNotifications(em).store(scoped("n-4", null, null, "k"))));
            assertEquals(2L, count(db));
        }
    }

    private static InboundNotification scoped(String id, String merchantId, String channel, String key) {
        return InboundNotification.register(id, ProviderId.ADYEN, new NotificationKey(key), merchantId, channel,
            ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), NotificationHeaders.none(),
            VerificationResult.verified(), T0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDuplicateLeavesTheTransactionUsable(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                assertEquals(StoreResult.stored("n-1"), notifications.store(notification("n-1", ProviderId.ADYEN, "a", T0)));
                // a duplicate of a row this very transaction inserted, not yet committed
                assertEquals(StoreResult.duplicateOf("n-1"), notifications.store(notification("n-2", ProviderId.ADYEN, "a", T0)));
                // the transaction goes on: plain SQL and Hibernate work both still succeed and commit
                assertEquals(StoreResult.stored("n-3"), notifications.store(notification("n-3", ProviderId.ADYEN, "b", T0)));
                InboundNotification n1 = notifications.byId("n-1").orElseThrow();
                n1.markProcessed(T0.plusSeconds(1));
                notifications.update(n1);
            });

            assertEquals(2L, count(db));
            assertEquals(ProcessingStatus.PROCESSED,
                db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow().status());
            assertTrue(db.query(em -> new JpaInboundNotifications(em).byId("n-3")).isPresent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aClashOfIdsIsAnErrorNotADuplicate(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "a", T0)));
            assertThrows(PersistenceException.class, () -> db.run(em ->
                new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "b", T0))));
            assertEquals(1L, count(db));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentStoresOfOneNotificationStoreItOnce(String kind) throws Exception {
        int threads = 8;
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<StoreResult>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    InboundNotification copy = notification("n-" + i, ProviderId.ADYEN, "psp-1:AUTHORISATION:true:", T0);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return db.query(em -> {
                            StoreResult result = new JpaInboundNotifications(em).store(copy);
                            // keep the transaction open a moment, so the others meet an uncommitted row
                            sleep(150);
                            return result;
                        });
                    }));
                }
                start.countDown();

                List<StoreResult> results = new ArrayList<>();
                for (Future<StoreResult> future : futures) {
                    results.add(future.get(60, TimeUnit.SECONDS));
                }
                List<StoreResult> stored = results.stream().filter(r -> !r.isDuplicate()).toList();
                assertEquals(1, stored.size(), results::toString);
                String winner = stored.get(0).notificationId();
                assertEquals(threads - 1, results.stream().filter(r -> r.equals(StoreResult.duplicateOf(winner))).count(),
                    results::toString);
                assertEquals(1L, count(db));
                assertTrue(db.query(em -> new JpaInboundNotifications(em).byId(winner)).isPresent());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0} other transaction commits={1}")
    @MethodSource("databasesAndOutcomes")
    void aStoreWaitsForAnUncommittedStoreOfTheSameKey(String kind, boolean otherCommits) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch firstStored = new CountDownLatch(1);
                CountDownLatch finishFirst = new CountDownLatch(1);
                Future<StoreResult> first = pool.submit(() -> {
                    EntityManager em = db.entityManagerFactory().createEntityManager();
                    try {
                        em.getTransaction().begin();
                        StoreResult result = new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "k", T0));
                        firstStored.countDown();
                        finishFirst.await();
                        if (otherCommits) {
                            em.getTransaction().commit();
                        } else {
                            em.getTransaction().rollback();
                        }
                        return result;
                    } finally {
                        em.close();
                    }
                });
                assertTrue(firstStored.await(30, TimeUnit.SECONDS));
                Future<StoreResult> second = pool.submit(() ->
                    db.query(em -> new JpaInboundNotifications(em).store(notification("n-2", ProviderId.ADYEN, "k", T0))));

                sleep(300);
                assertFalse(second.isDone(), "the second store must wait for the first transaction to end");
                finishFirst.countDown();

                assertEquals(StoreResult.stored("n-1"), first.get(30, TimeUnit.SECONDS));
                assertEquals(otherCommits ? StoreResult.duplicateOf("n-1") : StoreResult.stored("n-2"),
                    second.get(30, TimeUnit.SECONDS));
                assertEquals(1L, count(db));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static Stream<Arguments> databasesAndOutcomes() {
        return TestDatabase.kinds().stream().flatMap(kind -> Stream.of(Arguments.of(kind, true), Arguments.of(kind, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void processingOutcomesAreStored(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "k", T0)));
            Instant failedAt = Instant.parse("2026-11-23T10:15:35.5Z");
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                InboundNotification n = notifications.byId("n-1").orElseThrow();
                n.markFailed("transaction t-9 not found", failedAt);
                notifications.update(n);
            });

            InboundNotification failed = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(ProcessingStatus.FAILED, failed.status());
            assertEquals(Optional.of("transaction t-9 not found"), failed.statusReason());
            assertEquals(1, failed.attempts());
            assertEquals(Optional.of(failedAt), failed.lastAttemptAt());
            assertEquals(1, failed.version());

            failed.markProcessed(failedAt.plusSeconds(30));
            db.run(em -> new JpaInboundNotifications(em).update(failed));
            InboundNotification processed = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(ProcessingStatus.PROCESSED, processed.status());
            assertEquals(Optional.empty(), processed.statusReason());
            assertEquals(2, processed.attempts());
            assertEquals(2, processed.version());
            assertEquals(failed.rawBody().length, processed.rawBodySize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesAreRefused(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaInboundNotifications(em).store(notification("n-1", ProviderId.ADYEN, "k", T0)));
            InboundNotification first = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            InboundNotification second = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();

            first.markProcessed(T0.plusSeconds(1));
            db.run(em -> new JpaInboundNotifications(em).update(first));

            second.markFailed("worker two lost the race", T0.plusSeconds(2));
            assertThrows(OptimisticLockException.class, () -> db.run(em -> new JpaInboundNotifications(em).update(second)));
            InboundNotification current = db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow();
            assertEquals(ProcessingStatus.PROCESSED, current.status());
            assertEquals(1, current.attempts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void awaitingProcessingIsReceivedOrRetryableOldestFirst(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(stored("received-late", ProcessingStatus.RECEIVED, null, 0, T0.plusSeconds(5)));
                notifications.store(stored("received", ProcessingStatus.RECEIVED, null, 0, T0.plusSeconds(3)));
                notifications.store(stored("failed-once", ProcessingStatus.FAILED, "timeout", 1, T0.plusSeconds(1)));
                notifications.store(stored("failed-out", ProcessingStatus.FAILED, "timeout",
                    InboundNotification.MAX_PROCESSING_ATTEMPTS, T0));
                notifications.store(stored("processed", ProcessingStatus.PROCESSED, null, 1, T0.plusSeconds(2)));
                notifications.store(stored("ignored", ProcessingStatus.IGNORED, "unknown event", 1, T0.minusSeconds(1)));
                notifications.store(InboundNotification.register("unverified", ProviderId.ADYEN, new NotificationKey("u"),
                    null, null, new byte[0], NotificationHeaders.none(), VerificationResult.failed("bad HMAC"), T0.minusSeconds(2)));
            });

            assertEquals(List.of("failed-once", "received", "received-late"), awaitingIds(db, 10));
            assertEquals(List.of("failed-once", "received"), awaitingIds(db, 2));
            assertTrue(db.query(em -> new JpaInboundNotifications(em).awaitingProcessing(10)).stream()
                .allMatch(InboundNotification::isAwaitingProcessing));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dueForProcessingWaitsForTheGraceAndTheRetryDelay(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(stored("received-old", ProcessingStatus.RECEIVED, null, 0, T0));
                notifications.store(stored("received-new", ProcessingStatus.RECEIVED, null, 0, T0.plusSeconds(20)));
                notifications.store(stored("failed-old", ProcessingStatus.FAILED, "timeout", 1, T0.minusSeconds(60)));
                notifications.store(stored("failed-new", ProcessingStatus.FAILED, "timeout", 1, T0.plusSeconds(10)));
                notifications.store(stored("failed-out", ProcessingStatus.FAILED, "timeout",
                    InboundNotification.MAX_PROCESSING_ATTEMPTS, T0.minusSeconds(600)));
                notifications.store(stored("processed", ProcessingStatus.PROCESSED, null, 1, T0.minusSeconds(600)));
            });

            // failed-old's last attempt was at T0-59 s, failed-new's at T0+11 s
            List<String> due = db.query(em -> new JpaInboundNotifications(em)
                .dueForProcessing(T0.plusSeconds(10), T0.plusSeconds(5), 10));
            assertEquals(List.of("failed-old", "received-old"), due);
            assertEquals(List.of("failed-old"), db.query(em -> new JpaInboundNotifications(em)
                .dueForProcessing(T0.plusSeconds(10), T0.plusSeconds(5), 1)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNotificationIsStoredInItsLaneAndAWorkerFindsWhatIsDueInItsLanesOnly(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1")) {
            db.run(em -> {
                storeInLane(em, "lane-3-old", 3, T0);
                storeInLane(em, "lane-7", 7, T0.plusSeconds(1));
                storeInLane(em, "lane-3-new", 3, T0.plusSeconds(2));
                storeInLane(em, "lane-0", ApplyLanes.NONE, T0.plusSeconds(3));
            });
            assertEquals(Integer.valueOf(7), db.query(em -> Integer.valueOf(new JpaInboundNotifications(em).byId("lane-7").orElseThrow().lane())));
            Instant later = T0.plusSeconds(60);
            assertEquals(List.of("lane-3-old", "lane-7", "lane-3-new"), db.query(em -> new JpaInboundNotifications(em)
                .dueForProcessing(later, later, ApplyLanes.ownedBy(3, 4), 10)));
            assertEquals(List.of("lane-3-old", "lane-3-new"), db.query(em -> new JpaInboundNotifications(em)
                .dueForProcessing(later, later, List.of(3), 10)));
            assertEquals(List.of("lane-0"), db.query(em -> new JpaInboundNotifications(em)
                .dueForProcessing(later, later, ApplyLanes.ownedBy(0, 4), 10)));
            assertEquals(4, db.query(em -> new JpaInboundNotifications(em).dueForProcessing(later, later, 10)).size());
        }
    }

    /** Stores a notification in a lane, as the acknowledging path does. */
    private static void storeInLane(jakarta.persistence.EntityManager em, String id, int lane, Instant receivedAt) {
        new JpaInboundNotifications(em).store(InboundNotification.register(id, ProviderId.ADYEN, new NotificationKey("key-" + id),
            "merchant-1", "default-channel", new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(),
            receivedAt, lane));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lockIfAwaitingTakesOnlyWhatAwaitsAndSkipsWhatAnotherTransactionHolds(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(stored("received", ProcessingStatus.RECEIVED, null, 0, T0));
                notifications.store(stored("processed", ProcessingStatus.PROCESSED, null, 1, T0));
                notifications.store(stored("failed-out", ProcessingStatus.FAILED, "timeout",
                    InboundNotification.MAX_PROCESSING_ATTEMPTS, T0));
            });
            assertTrue(db.query(em -> new JpaInboundNotifications(em).lockIfAwaiting("processed")).isEmpty());
            assertTrue(db.query(em -> new JpaInboundNotifications(em).lockIfAwaiting("failed-out")).isEmpty());
            assertTrue(db.query(em -> new JpaInboundNotifications(em).lockIfAwaiting("missing")).isEmpty());

            ExecutorService pool = Executors.newFixedThreadPool(1);
            EntityManager holder = db.entityManagerFactory().createEntityManager();
            try {
                holder.getTransaction().begin();
                InboundNotification held = new JpaInboundNotifications(holder).lockIfAwaiting("received").orElseThrow();
                assertEquals(ProcessingStatus.RECEIVED, held.status());

                // another transaction passes over the locked row at once instead of waiting
                Future<Optional<InboundNotification>> other = pool.submit(() ->
                    db.query(em -> new JpaInboundNotifications(em).lockIfAwaiting("received")));
                assertTrue(other.get(20, TimeUnit.SECONDS).isEmpty());

                held.markProcessed(T0.plusSeconds(1));
                new JpaInboundNotifications(holder).update(held);
                holder.getTransaction().commit();
            } finally {
                holder.close();
                pool.shutdownNow();
            }
            assertTrue(db.query(em -> new JpaInboundNotifications(em).lockIfAwaiting("received")).isEmpty());
            assertEquals(ProcessingStatus.PROCESSED,
                db.query(em -> new JpaInboundNotifications(em).byId("received")).orElseThrow().status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lockAllIfAwaitingLocksWhatAwaitsOldestFirstAndSkipsWhatAnotherTransactionHolds(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(stored("later", ProcessingStatus.RECEIVED, null, 0, T0.plusSeconds(2)));
                notifications.store(stored("earlier", ProcessingStatus.RECEIVED, null, 0, T0));
                notifications.store(stored("retry", ProcessingStatus.FAILED, "timeout", 1, T0.plusSeconds(1)));
                notifications.store(stored("processed", ProcessingStatus.PROCESSED, null, 1, T0));
                notifications.store(stored("failed-out", ProcessingStatus.FAILED, "timeout",
                    InboundNotification.MAX_PROCESSING_ATTEMPTS, T0));
            });
            List<String> all = List.of("later", "processed", "earlier", "missing", "failed-out", "retry");
            assertEquals(List.of("earlier", "retry", "later"), db.query(em -> new JpaInboundNotifications(em).lockAllIfAwaiting(all))
                .stream().map(InboundNotification::id).toList());
            assertEquals(List.of(), db.query(em -> new JpaInboundNotifications(em).lockAllIfAwaiting(List.of())));

            ExecutorService pool = Executors.newFixedThreadPool(1);
            EntityManager holder = db.entityManagerFactory().createEntityManager();
            try {
                holder.getTransaction().begin();
                // read before it is locked: what the lock returns is the row as it is now
                assertEquals(ProcessingStatus.RECEIVED, new JpaInboundNotifications(holder).byId("later").orElseThrow().status());
                db.run(em -> {
                    JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                    InboundNotification failed = notifications.byId("later").orElseThrow();
                    failed.markFailed("timeout", T0.plusSeconds(3));
                    notifications.update(failed);
                });
                List<InboundNotification> held = new JpaInboundNotifications(holder).lockAllIfAwaiting(List.of("later", "earlier"));
                assertEquals(List.of("earlier", "later"), held.stream().map(InboundNotification::id).toList());
                assertEquals(ProcessingStatus.FAILED, held.get(1).status());

                // another transaction passes over the locked rows at once instead of waiting
                Future<List<InboundNotification>> other = pool.submit(() ->
                    db.query(em -> new JpaInboundNotifications(em).lockAllIfAwaiting(List.of("earlier", "retry", "later"))));
                assertEquals(List.of("retry"), other.get(20, TimeUnit.SECONDS).stream().map(InboundNotification::id).toList());

                held.forEach(notification -> {
                    notification.markProcessed(T0.plusSeconds(4));
                    new JpaInboundNotifications(holder).update(notification);
                });
                holder.getTransaction().commit();
            } finally {
                holder.close();
                pool.shutdownNow();
            }
            assertEquals(List.of("retry"), db.query(em -> new JpaInboundNotifications(em).lockAllIfAwaiting(all))
                .stream().map(InboundNotification::id).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void settleWritesWhatWasAppliedAndKeepsOnlyTheNotificationsStillToApply(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(stored("first", ProcessingStatus.RECEIVED, null, 0, T0));
                notifications.store(stored("second", ProcessingStatus.FAILED, "timeout", 1, T0.plusSeconds(1)));
                notifications.store(stored("third", ProcessingStatus.RECEIVED, null, 0, T0.plusSeconds(2)));
            });
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                List<InboundNotification> locked = notifications.lockAllIfAwaiting(List.of("first", "second", "third"));
                locked.get(0).markProcessed(T0.plusSeconds(3));
                notifications.update(locked.get(0));
                notifications.settle();
                org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
                assertEquals(List.of("second", "third"), session.getStatistics().getEntityKeys().stream()
                    .map(key -> (String) ((org.hibernate.engine.spi.EntityKey) key).getIdentifier()).sorted().toList());
                // the ones still to apply are updated without being read again
                locked.get(1).markProcessed(T0.plusSeconds(4));
                notifications.update(locked.get(1));
                notifications.settle();
                locked.get(2).markIgnored("nothing to do", T0.plusSeconds(5));
                notifications.update(locked.get(2));
            });
            assertEquals(List.of(ProcessingStatus.PROCESSED, ProcessingStatus.PROCESSED, ProcessingStatus.IGNORED),
                Stream.of("first", "second", "third")
                    .map(id -> db.query(em -> new JpaInboundNotifications(em).byId(id)).orElseThrow().status()).toList());
        }
    }

    private static List<String> awaitingIds(TestDatabase db, int limit) {
        return db.query(em -> new JpaInboundNotifications(em).awaitingProcessing(limit)).stream()
            .map(InboundNotification::id).toList();
    }

    private static long count(TestDatabase db) {
        return db.query(em -> em.createQuery("select count(n) from InboundNotificationEntity n", Long.class).getSingleResult());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void searchPagesAMerchantsNotificationsNewestFirstByKeyAndFilters(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2")) {
            // five of merchant-1 (two received at the same instant), one of merchant-2
            db.run(em -> {
                JpaInboundNotifications repository = new JpaInboundNotifications(em);
                repository.store(notification("n-1", ProviderId.ADYEN, "adyen:PSP100:AUTHORISATION:true:", T0));
                repository.store(notification("n-2", ProviderId.WALLEY, "walley:order:created:o-2", T0.plusSeconds(10)));
                repository.store(notification("n-3", ProviderId.ANNANOW, "annanow:transaction:t-3:DELIVERED", T0.plusSeconds(20)));
                repository.store(notification("n-4", ProviderId.ADYEN, "adyen:PSP100:CAPTURE:true:", T0.plusSeconds(20)));
                repository.store(notification("n-5", ProviderId.ADYEN, "adyen:PSP_5:REFUND:true:", T0.plusSeconds(30)));
                repository.store(InboundNotification.register("n-6", ProviderId.ADYEN, new NotificationKey("adyen:PSP100:X"),
                    "merchant-2", "other", new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(),
                    T0.plusSeconds(40)));
            });
            db.run(em -> {
                JpaInboundNotifications repository = new JpaInboundNotifications(em);
                InboundNotification applied = repository.byId("n-1").orElseThrow();
                applied.markProcessed(dev.payhooks.domain.payment.TransactionId.of("tx-1"), T0.plusSeconds(1));
                repository.update(applied);
            });

            List<String> pages = new ArrayList<>();
            Optional<InboundNotifications.Cursor> after = Optional.empty();
            do {
                Optional<InboundNotifications.Cursor> from = after;
                InboundNotifications.Page page = db.query(em -> new JpaInboundNotifications(em)
                    .search("merchant-1", InboundNotifications.Filter.none(), from, 2));
                pages.add(page.notifications().stream().map(InboundNotification::id).toList().toString());
                after = page.next();
            } while (after.isPresent());
            assertEquals(List.of("[n-5, n-4]", "[n-3, n-2]", "[n-1]"), pages, "ties on the time are ordered by id");

            assertEquals(List.of("n-5", "n-4", "n-1"), ids(db, new InboundNotifications.Filter(Optional.of(ProviderId.ADYEN),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
            assertEquals(List.of("n-1"), ids(db, new InboundNotifications.Filter(Optional.empty(),
                Optional.of(ProcessingStatus.PROCESSED), Optional.empty(), Optional.empty(), Optional.empty())));
            assertEquals(List.of("n-4", "n-3", "n-2"), ids(db, new InboundNotifications.Filter(Optional.empty(),
                Optional.empty(), Optional.of(stored(T0.plusSeconds(10))), Optional.of(stored(T0.plusSeconds(30))), Optional.empty())),
                "from inclusive, to exclusive");
            assertEquals(List.of("n-4", "n-1"), ids(db, idText("PSP100")), "a provider reference inside the key");
            assertEquals(List.of("n-1"), ids(db, idText("tx-1")), "the transaction it applied to");
            assertEquals(List.of("n-3"), ids(db, idText(" n-3 ")), "its own id");
            assertEquals(List.of("n-5"), ids(db, idText("PSP_5")), "'_' is a character, not a wildcard");
            assertEquals(List.of(), ids(db, idText("PSP%")), "'%' is a character, not a wildcard");
            assertEquals(List.of("n-4", "n-1"), ids(db, idText("psp10")), "part of a reference, in any case");
            assertEquals(List.of("n-1"), ids(db, idText("TX-")), "part of the transaction's id, in any case");
            assertEquals(List.of("n-3"), ids(db, idText("N-3")), "its own id, in any case");
            assertEquals(Optional.of(dev.payhooks.domain.payment.TransactionId.of("tx-1")),
                db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow().transactionId());
        }
    }

    /** As stored: to the microsecond. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static InboundNotifications.Filter idText(String text) {
        return new InboundNotifications.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(text));
    }

    private static List<String> ids(TestDatabase db, InboundNotifications.Filter filter) {
        return db.query(em -> new JpaInboundNotifications(em).search("merchant-1", filter, Optional.empty(), 50))
            .notifications().stream().map(InboundNotification::id).toList();
    }
}
