package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.trace.CorrelationId;
import dev.payhooks.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.payhooks.persistence.outbound.JpaDeliveriesTest.event;
import static dev.payhooks.persistence.outbound.JpaDeliveriesTest.withEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Deliveries.recordAttempts}: many claimed deliveries' attempts stored at once. */
class JpaDeliveriesRecordTest {

    static final Instant T0 = JpaDeliveriesTest.T0;

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attemptsOfClaimedDeliveriesAreStoredTogetherAndReleaseTheirClaims(String kind) {
        try (TestDatabase db = withEvents(kind, 3)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.add(Delivery.schedule("ok", event(1), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("retry", event(2), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("dead", event(3), "s2", "m1", T0));
            });
            List<Delivery> claimed = db.query(em -> new JpaDeliveries(em).claimDue(T0, 10, "w1", Duration.ofMinutes(5)));
            assertEquals(3, claimed.size());
            for (Delivery d : claimed) {
                DeliveryAttempt attempt = new DeliveryAttempt(1, T0.plusSeconds(1), Duration.ofMillis(12), d.id().equals("ok") ? 204 : 500,
                    null, "excerpt of " + d.id(), d.id().equals("ok"), new CorrelationId("corr-" + d.id()));
                if (d.id().equals("ok")) {
                    d.succeeded(attempt);
                } else {
                    d.failed(attempt, d.id().equals("dead") ? AttemptFailure.status(410, Optional.empty())
                        : AttemptFailure.status(500, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
                }
            }

            assertEquals(List.of(), db.query(em -> new JpaDeliveries(em).recordAttempts(claimed)));

            Delivery ok = db.query(em -> new JpaDeliveries(em).byId("m1", "ok").orElseThrow());
            assertEquals(DeliveryStatus.SUCCEEDED, ok.status());
            assertEquals(1, ok.attempts().size());
            assertEquals(204, ok.attempts().get(0).status());
            assertEquals(Duration.ofMillis(12), ok.attempts().get(0).latency());
            assertEquals("excerpt of ok", ok.attempts().get(0).responseExcerpt());
            assertEquals(new CorrelationId("corr-ok"), ok.attempts().get(0).correlationId());
            assertEquals(T0.plusSeconds(1), ok.attempts().get(0).startedAt());
            Delivery retry = db.query(em -> new JpaDeliveries(em).byId("m1", "retry").orElseThrow());
            assertEquals(DeliveryStatus.PENDING, retry.status());
            assertEquals(1, retry.attemptsThisRound());
            assertEquals(claimed.stream().filter(d -> d.id().equals("retry")).findFirst().orElseThrow().nextAttemptAt(),
                retry.nextAttemptAt());
            assertNull(retry.attempts().get(0).errorClass());
            Delivery dead = db.query(em -> new JpaDeliveries(em).byId("m1", "dead").orElseThrow());
            assertEquals(DeliveryStatus.DEAD, dead.status());
            assertTrue(dead.deadReason().isPresent());

            // the claims are released: the retry is claimable again once due, by another worker
            Instant due = retry.nextAttemptAt().orElseThrow();
            assertEquals(List.of("retry"), db.query(em -> new JpaDeliveries(em).claimDue(due, 10, "w2", Duration.ofMinutes(5)))
                .stream().map(Delivery::id).toList());
            // the stored version moved on: the stored rows can be changed again through the aggregate
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery again = deliveries.byId("m1", "retry").orElseThrow();
                again.succeeded(new DeliveryAttempt(2, due, Duration.ofMillis(3), 200, null, null, true));
                deliveries.update(again);
            });
            assertEquals(2, db.query(em -> new JpaDeliveries(em).byId("m1", "retry").orElseThrow()).attempts().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeliveryChangedSinceItWasReadIsHandedBackAndGetsNoAttemptRow(String kind) {
        try (TestDatabase db = withEvents(kind, 2)) {
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                deliveries.add(Delivery.schedule("d1", event(1), "s1", "m1", T0));
                deliveries.add(Delivery.schedule("d2", event(2), "s1", "m1", T0));
            });
            List<Delivery> claimed = db.query(em -> new JpaDeliveries(em).claimDue(T0, 10, "w1", Duration.ofMinutes(5)));
            db.run(em -> {
                Delivery meanwhile = new JpaDeliveries(em).byId("m1", "d2").orElseThrow();
                meanwhile.abandon("the subscription was deleted or disabled", T0);
                new JpaDeliveries(em).update(meanwhile);
            });
            for (Delivery d : claimed) {
                d.succeeded(new DeliveryAttempt(1, T0, Duration.ofMillis(5), 200, null, null, true));
            }

            List<Delivery> changed = db.query(em -> new JpaDeliveries(em).recordAttempts(claimed));

            assertEquals(List.of("d2"), changed.stream().map(Delivery::id).toList());
            assertEquals(DeliveryStatus.SUCCEEDED, db.query(em -> new JpaDeliveries(em).byId("m1", "d1").orElseThrow()).status());
            Delivery d2 = db.query(em -> new JpaDeliveries(em).byId("m1", "d2").orElseThrow());
            assertEquals(DeliveryStatus.DEAD, d2.status());
            assertEquals(List.of(), d2.attempts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theNextClaimReadsTheAttemptsRecordedInABatchAndNoneForAnUntouchedDelivery(String kind) {
        try (TestDatabase db = withEvents(kind, 2)) {
            db.run(em -> new JpaDeliveries(em).addAll(List.of(Delivery.schedule("tried", event(1), "s1", "m1", T0),
                Delivery.schedule("untouched", event(2), "s1", "m1", T0.plusSeconds(30)))));
            List<Delivery> claimed = db.query(em -> new JpaDeliveries(em).claimDue(T0, 10, "w1", Duration.ofMinutes(5)));
            assertEquals(List.of("tried"), claimed.stream().map(Delivery::id).toList());
            Delivery tried = claimed.get(0);
            tried.failed(new DeliveryAttempt(1, T0.plusSeconds(1), Duration.ofMillis(9), 503, null, "busy", false,
                new CorrelationId("corr-1")), AttemptFailure.status(503, Optional.empty()), RetryPolicy.standard(), () -> 0.5);
            assertEquals(List.of(), db.query(em -> new JpaDeliveries(em).recordAttempts(List.of(tried))));

            Instant later = tried.nextAttemptAt().orElseThrow().plusSeconds(60);
            List<Delivery> again = db.query(em -> new JpaDeliveries(em).claimDue(later, 10, "w2", Duration.ofMinutes(5)));
            assertEquals(List.of("tried", "untouched"), again.stream().map(Delivery::id).sorted().toList());
            Delivery triedAgain = again.stream().filter(d -> d.id().equals("tried")).findFirst().orElseThrow();
            assertEquals(tried.attempts(), triedAgain.attempts(), "the batch's attempt comes with the claim");
            assertEquals(2, triedAgain.nextAttemptNumber());
            Delivery untouched = again.stream().filter(d -> d.id().equals("untouched")).findFirst().orElseThrow();
            assertEquals(List.of(), untouched.attempts());
            assertEquals(1, untouched.nextAttemptNumber());
            assertEquals(List.of(), db.query(em -> new JpaDeliveries(em).claimDue(later, 10, "w3", Duration.ofMinutes(5))),
                "the one statement claimed both");
        }
    }
}
