package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaDeliveriesTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static EventId event(int n) {
        return new EventId(String.format("%064x", n));
    }

    static TestDatabase withEvents(String kind, int events) {
        TestDatabase db = TestDatabase.create(kind).withMerchants("m1");
        db.run(em -> {
            JpaOutbox outbox = new JpaOutbox(em);
            for (int i = 1; i <= events; i++) {
                outbox.append(OutboundEvent.create(event(i), "m1", "transaction.sale.success", "{}", T0, null, null));
            }
        });
        return db;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWebhooksAttemptsAreReadNewestFirstWithTheirEventsTypeWithinTheWindowAndTheMerchant(String kind) {
        try (TestDatabase db = withEvents(kind, 2)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.add(Delivery.schedule("d1", event(1), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("d2", event(2), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("d3", event(2), "s2", "m1", T0));
            });
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d1 = deliveries.byId("m1", "d1").orElseThrow();
                d1.failed(new DeliveryAttempt(1, T0, Duration.ofMillis(15_000), null, "TIMEOUT", null, false),
                    AttemptFailure.noAnswer(), RetryPolicy.standard(), () -> 0.5);
                d1.succeeded(new DeliveryAttempt(2, T0.plusSeconds(20), Duration.ofMillis(42), 200, null, null, true));
                deliveries.update(d1);
                Delivery d2 = deliveries.byId("m1", "d2").orElseThrow();
                d2.succeeded(new DeliveryAttempt(1, T0.plusSeconds(10), Duration.ofMillis(7), 204, null, null, true));
                deliveries.update(d2);
                Delivery d3 = deliveries.byId("m1", "d3").orElseThrow();
                d3.succeeded(new DeliveryAttempt(1, T0.plusSeconds(30), Duration.ofMillis(9), 200, null, null, true));
                deliveries.update(d3);
            });

            List<AttemptHistory.Attempt> all = db.query(em -> new JpaAttemptHistory(em).of("m1", "s1", T0, 100));

            assertEquals(List.of(T0.plusSeconds(20), T0.plusSeconds(10), T0), all.stream().map(AttemptHistory.Attempt::startedAt).toList());
            AttemptHistory.Attempt timedOut = all.get(2);
            assertEquals(event(1).value(), timedOut.eventId());
            assertEquals(1, timedOut.number());
            assertEquals(Optional.of("TIMEOUT"), timedOut.errorClass());
            assertEquals(Optional.empty(), timedOut.httpStatus());
            assertEquals(Duration.ofMillis(15_000), timedOut.latency());
            assertEquals(2, all.get(0).number());
            assertEquals(Optional.of(200), all.get(0).httpStatus());
            assertTrue(all.get(0).success());
            assertFalse(all.stream().map(AttemptHistory.Attempt::eventType).anyMatch(String::isBlank));
            assertEquals(2, db.query(em -> new JpaAttemptHistory(em).of("m1", "s1", T0.plusSeconds(1), 100)).size());
            assertEquals(1, db.query(em -> new JpaAttemptHistory(em).of("m1", "s1", T0, 1)).size());
            assertEquals(List.of(), db.query(em -> new JpaAttemptHistory(em).of("m2", "s1", T0, 100)));
            assertEquals(4, db.query(em -> new JpaAttemptHistory(em).ofMerchant("m1", T0, 100)).size(), "both webhooks");
            assertEquals(T0.plusSeconds(30), db.query(em -> new JpaAttemptHistory(em).ofMerchant("m1", T0, 100)).get(0).startedAt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attemptsAndStateSurviveARoundTrip(String kind) {
        try (TestDatabase db = withEvents(kind, 1)) {
            db.run(em -> new JpaDeliveries(em).add(Delivery.schedule("d1", event(1), "s1", "m1", T0)));

            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "d1").orElseThrow();
                d.failed(new DeliveryAttempt(1, T0, Duration.ofMillis(15_000), null, "TIMEOUT", null, false),
                    AttemptFailure.noAnswer(), RetryPolicy.standard(), () -> 0.5);
                deliveries.update(d);
            });
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "d1").orElseThrow();
                d.succeeded(new DeliveryAttempt(2, T0.plusSeconds(20), Duration.ofMillis(42), 200, null, "ok ✓", true));
                deliveries.update(d);
            });

            Delivery found = db.query(em -> new JpaDeliveries(em).byId("m1", "d1").orElseThrow());
            assertEquals(DeliveryStatus.SUCCEEDED, found.status());
            assertEquals(2, found.attempts().size());
            assertEquals("TIMEOUT", found.attempts().get(0).errorClass());
            assertEquals(Duration.ofMillis(15_000), found.attempts().get(0).latency());
            assertEquals(200, found.attempts().get(1).status());
            assertEquals("ok ✓", found.attempts().get(1).responseExcerpt());
            assertEquals(1, db.query(em -> new JpaDeliveries(em).ofEvent(event(1))).size());
            assertEquals(1L, (long) db.query(em -> new JpaDeliveries(em).count(DeliveryStatus.SUCCEEDED)));
            assertEquals(0L, (long) db.query(em -> new JpaDeliveries(em).count(DeliveryStatus.PENDING)));
            assertTrue(db.query(em -> new JpaDeliveries(em).byId("m2", "d1")).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aClaimedDeliveryComesWithItsStateAndEveryEarlierAttempt(String kind) {
        try (TestDatabase db = withEvents(kind, 2)) {
            db.run(em -> new JpaDeliveries(em).addAll(List.of(Delivery.schedule("d1", event(1), "s1", "m1", T0),
                Delivery.schedule("d2", event(2), "s1", "m1", T0))));
            // a timeout (no status), then a 503 with an excerpt
            for (Integer status : java.util.Arrays.asList(null, 503)) {
                db.run(em -> {
                    Delivery d = new JpaDeliveries(em).byId("m1", "d1").orElseThrow();
                    d.failed(new DeliveryAttempt(d.nextAttemptNumber(), T0, Duration.ofMillis(7), status, status == null ? "TIMEOUT" : null,
                        status == null ? null : "busy ✓", false), status == null ? AttemptFailure.noAnswer()
                        : AttemptFailure.status(status, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
                    new JpaDeliveries(em).update(d);
                });
            }
            Delivery stored = db.query(em -> new JpaDeliveries(em).byId("m1", "d1").orElseThrow());

            List<Delivery> claimed = db.query(em -> new JpaDeliveries(em).claimDue(T0.plus(Duration.ofDays(1)), 10, "w1", Duration.ofMinutes(1)));
            Delivery d1 = claimed.stream().filter(d -> d.id().equals("d1")).findFirst().orElseThrow();
            assertEquals(List.of("d1", "d2"), sorted(ids(claimed)));
            assertEquals(stored.attempts(), d1.attempts());
            assertEquals(List.of(1, 2), d1.attempts().stream().map(DeliveryAttempt::number).toList());
            assertEquals(stored.version(), d1.version());
            assertEquals(stored.nextAttemptAt(), d1.nextAttemptAt());
            assertEquals(stored.attemptsThisRound(), d1.attemptsThisRound());
            assertEquals(stored.createdAt(), d1.createdAt());
            assertEquals(stored.updatedAt(), d1.updatedAt());
            assertEquals(List.of(), claimed.stream().filter(d -> d.id().equals("d2")).findFirst().orElseThrow().attempts());
            assertEquals(3, d1.nextAttemptNumber());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void addedDeliveriesAreReadAndChangedLaterInTheSameTransaction(String kind) {
        try (TestDatabase db = withEvents(kind, 1)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.addAll(List.of(Delivery.schedule("d1", event(1), "s1", "m1", T0),
                    Delivery.schedule("d2", event(1), "s2", "m1", T0)));
                assertEquals(List.of("d1", "d2"), deliveries.ofEvent(event(1)).stream().map(Delivery::id).sorted().toList());
                Delivery d = deliveries.byId("m1", "d2").orElseThrow();
                assertEquals(DeliveryStatus.PENDING, d.status());
                d.abandon("subscription deleted", T0);
                deliveries.update(d);
            });
            assertEquals(DeliveryStatus.DEAD, db.query(em -> new JpaDeliveries(em).byId("m1", "d2").orElseThrow()).status());
            assertEquals(DeliveryStatus.PENDING, db.query(em -> new JpaDeliveries(em).byId("m1", "d1").orElseThrow()).status());
            assertThrows(PersistenceException.class, () -> db.run(em -> new JpaDeliveries(em)
                .addAll(List.of(Delivery.schedule("d3", event(1), "s3", "m1", T0), Delivery.schedule("d4", event(1), "s1", "m1", T0)))));
            assertTrue(db.query(em -> new JpaDeliveries(em).byId("m1", "d3")).isEmpty(), "nothing of a failed batch is kept");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesConflictAndOneDeliveryPerEventAndSubscription(String kind) {
        try (TestDatabase db = withEvents(kind, 1)) {
            db.run(em -> new JpaDeliveries(em).add(Delivery.schedule("d1", event(1), "s1", "m1", T0)));
            Delivery stale = db.query(em -> new JpaDeliveries(em).byId("m1", "d1").orElseThrow());
            db.run(em -> {
                Delivery fresh = new JpaDeliveries(em).byId("m1", "d1").orElseThrow();
                fresh.abandon("subscription deleted", T0);
                new JpaDeliveries(em).update(fresh);
            });

            stale.abandon("again", T0);
            assertThrows(Conflict.class, () -> db.run(em -> new JpaDeliveries(em).update(stale)));
            assertThrows(RuntimeException.class, () -> db.run(em -> new JpaDeliveries(em).add(Delivery.schedule("d2", event(1), "s1", "m1", T0))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claimsTakeDueRowsOldestFirstAndHoldThemForTheLease(String kind) {
        try (TestDatabase db = withEvents(kind, 3)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.add(Delivery.schedule("late", event(1), "s1", "m1", T0.plusSeconds(60)));
                deliveries.add(Delivery.schedule("early", event(2), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("middle", event(3), "s1", "m1", T0.plusSeconds(10)));
            });

            List<String> first = ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(30), 10, "w1", Duration.ofMinutes(1))));
            assertEquals(List.of("early", "middle"), first);
            assertEquals(List.of(), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(30), 10, "w2", Duration.ofMinutes(1)))),
                "claimed rows are not handed out twice");
            assertEquals(List.of("early", "middle", "late"),
                ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(120), 10, "w2", Duration.ofMinutes(1)))),
                "expired claims are free again");

            // finishing a delivery releases its claim
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "late").orElseThrow();
                d.succeeded(new DeliveryAttempt(1, T0.plusSeconds(120), Duration.ofMillis(5), 204, null, null, true));
                deliveries.update(d);
            });
            assertEquals(List.of("early", "middle"),
                ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(300), 10, "w3", Duration.ofMinutes(1)))));
        }
    }

    static void subscription(TestDatabase db, String id, boolean fifo) {
        db.run(em -> new JpaWebhookSubscriptions(em).add(WebhookSubscription.create(id, "m1", "Hook " + id,
            HookUrl.parse("https://shop.example/" + id, true), List.of("transaction.sale.success"), new Authentication.None(),
            new Signature.None(), new DeliveryOptions(15, fifo, null), T0)));
    }

    static void finish(TestDatabase db, String id, boolean success) {
        db.run(em -> {
            JpaDeliveries deliveries = new JpaDeliveries(em);
            Delivery d = deliveries.byId("m1", id).orElseThrow();
            DeliveryAttempt attempt = new DeliveryAttempt(d.nextAttemptNumber(), T0, Duration.ofMillis(5), success ? 200 : 500,
                null, null, success);
            if (success) {
                d.succeeded(attempt);
            } else {
                d.failed(attempt, AttemptFailure.status(500, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
            }
            deliveries.update(d);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFifoSubscriptionHandsOutOnlyItsOldestPendingDeliveryWhileOthersGoInParallel(String kind) {
        try (TestDatabase db = withEvents(kind, 6)) {
            subscription(db, "fifo", true);
            subscription(db, "free", false);
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                // scheduled in publish order; the later ones are due earlier, which FIFO must not care about
                deliveries.add(Delivery.schedule("f1", event(1), "fifo", "m1", T0.plusSeconds(5)));
                deliveries.add(Delivery.schedule("f2", event(2), "fifo", "m1", T0));
                deliveries.add(Delivery.schedule("f3", event(3), "fifo", "m1", T0));
                deliveries.add(Delivery.schedule("p1", event(4), "free", "m1", T0));
                deliveries.add(Delivery.schedule("p2", event(5), "free", "m1", T0));
            });
            Duration lease = Duration.ofMinutes(1);

            assertEquals(List.of("p1", "p2"), sorted(ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(1), 10, "w1", lease)))),
                "the head f1 is not due yet, and f2, f3 wait behind it");
            assertEquals(List.of("f1"), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(5), 10, "w2", lease))));
            assertEquals(List.of(), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(6), 10, "w3", lease))),
                "while the head is in flight nothing else of the subscription goes");

            finish(db, "f1", false);
            assertEquals(List.of(), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(3), 10, "w3", lease))),
                "a head waiting for its retry holds the rest back");

            finish(db, "f1", true);
            assertEquals(List.of("f2"), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(7), 10, "w4", lease))));
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "f2").orElseThrow();
                d.abandon("dead-lettered by staff", T0);
                deliveries.update(d);
            });
            assertEquals(List.of("f3"), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(8), 10, "w5", lease))),
                "a dead-lettered head no longer holds anything back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWorkerWithNoRoomForASubscriptionLeavesItsDeliveriesAlone(String kind) {
        try (TestDatabase db = withEvents(kind, 3)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.add(Delivery.schedule("slow-1", event(1), "slow", "m1", T0));
                deliveries.add(Delivery.schedule("fast-1", event(2), "fast", "m1", T0.plusSeconds(1)));
                deliveries.add(Delivery.schedule("other-1", event(3), "other", "m1", T0.plusSeconds(2)));
            });
            assertEquals(List.of("fast-1"), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(5), 1, "w1",
                Duration.ofMinutes(1), java.util.Set.of("slow", "other")))));
            assertEquals(List.of("slow-1", "other-1"), ids(db.query(em -> new JpaDeliveries(em).claimDue(T0.plusSeconds(5), 10, "w2",
                Duration.ofMinutes(1), java.util.Set.of()))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theNextDeliverySlotIsStoredOutsideTheSubscriptionsEditableState(String kind) {
        try (TestDatabase db = withEvents(kind, 0)) {
            subscription(db, "paced", false);
            assertNull(db.query(em -> new JpaWebhookSubscriptions(em).lockNextDeliverySlot("paced")));
            db.run(em -> new JpaWebhookSubscriptions(em).saveNextDeliverySlot("paced", T0.plusMillis(250)));
            db.run(em -> {
                JpaWebhookSubscriptions subscriptions = new JpaWebhookSubscriptions(em);
                WebhookSubscription s = subscriptions.byId("m1", "paced").orElseThrow();
                s.disable("staff", T0);
                subscriptions.update(s);
            });
            assertEquals(T0.plusMillis(250), db.query(em -> new JpaWebhookSubscriptions(em).lockNextDeliverySlot("paced")),
                "an edit of the subscription keeps the slot");
            assertNull(db.query(em -> new JpaWebhookSubscriptions(em).lockNextDeliverySlot("gone")));
        }
    }

    static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSubscriptionIsFailingSinceItsFirstFailureAfterTheLastSuccess(String kind) {
        try (TestDatabase db = withEvents(kind, 3)) {
            assertTrue(db.query(em -> new JpaDeliveries(em).failingSince("s1")).isEmpty(), "never tried");
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery early = Delivery.schedule("d1", event(1), "s1", "m1", T0);
                early.failed(new DeliveryAttempt(1, T0, Duration.ofMillis(1), 500, null, null, false),
                    AttemptFailure.status(500, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
                deliveries.add(early);
                Delivery ok = Delivery.schedule("d2", event(2), "s1", "m1", T0);
                ok.succeeded(new DeliveryAttempt(1, T0.plusSeconds(60), Duration.ofMillis(1), 200, null, null, true));
                deliveries.add(ok);
            });
            assertTrue(db.query(em -> new JpaDeliveries(em).failingSince("s1")).isEmpty(), "the success ended the failing run");

            db.run(em -> {
                Delivery late = Delivery.schedule("d3", event(3), "s1", "m1", T0);
                late.failed(new DeliveryAttempt(1, T0.plusSeconds(120), Duration.ofMillis(1), null, "TIMEOUT", null, false),
                    AttemptFailure.noAnswer(), RetryPolicy.standard(), () -> 0.5);
                late.failed(new DeliveryAttempt(2, T0.plusSeconds(300), Duration.ofMillis(1), 503, null, null, false),
                    AttemptFailure.status(503, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
                new JpaDeliveries(em).add(late);
            });
            assertEquals(Optional.of(T0.plusSeconds(120)), db.query(em -> new JpaDeliveries(em).failingSince("s1")));
            assertTrue(db.query(em -> new JpaDeliveries(em).failingSince("other")).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentWorkersNeverClaimTheSameDelivery(String kind) throws Exception {
        int rows = 60;
        try (TestDatabase db = withEvents(kind, rows)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                for (int i = 1; i <= rows; i++) {
                    deliveries.add(Delivery.schedule("d" + i, event(i), "s1", "m1", T0));
                }
            });
            int workers = 4;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    String worker = "w" + w;
                    Callable<List<String>> claimAll = () -> {
                        go.await();
                        List<String> mine = new ArrayList<>();
                        List<String> batch;
                        do {
                            batch = ids(db.query(em -> new JpaDeliveries(em).claimDue(T0, 7, worker, Duration.ofMinutes(5))));
                            mine.addAll(batch);
                        } while (!batch.isEmpty());
                        return mine;
                    };
                    results.add(pool.submit(claimAll));
                }
                go.countDown();
                Set<String> all = new HashSet<>();
                int total = 0;
                for (Future<List<String>> result : results) {
                    List<String> mine = result.get();
                    total += mine.size();
                    all.addAll(mine);
                }
                assertEquals(rows, total, "every delivery claimed exactly once");
                assertEquals(rows, all.size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }
}
