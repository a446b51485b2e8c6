package dev.payhooks.persistence;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import dev.payhooks.persistence.inbound.JpaInboundNotifications;
import dev.payhooks.persistence.outbound.JpaDeliveries;
import dev.payhooks.persistence.outbound.JpaEventLog;
import dev.payhooks.persistence.outbound.JpaOutbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The correlation id survives the database on the notification, the event and each attempt
 * (migration V28), a row without one reads back without one, and both searches find a row by its
 * id exactly.
 */
class CorrelationIdColumnsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final CorrelationId ID = new CorrelationId("it-Trace_42:a.b");
    private static final EventId TRACED = new EventId("a".repeat(64));
    private static final EventId UNTRACED = new EventId("b".repeat(64));

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theNotificationTheEventAndEveryAttemptKeepTheirCorrelationId(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> {
                try (Correlation.Unit request = Correlation.open(Optional.of(ID))) {
                    new JpaInboundNotifications(em).store(notification("n-1"));
                    new JpaOutbox(em).append(OutboundEvent.create(TRACED, "m1", "ach.settled", "{}", T0, null, "transaction:t-1:1"));
                }
                new JpaInboundNotifications(em).store(notification("n-2"));
                new JpaOutbox(em).append(OutboundEvent.create(UNTRACED, "m1", "ach.settled", "{}", T0.plusSeconds(1), null, null));
                new JpaDeliveries(em).add(Delivery.schedule("d1", TRACED, "s1", "m1", T0));
            });
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "d1").orElseThrow();
                d.failed(new DeliveryAttempt(1, T0, Duration.ofMillis(5), 500, null, null, false, ID), AttemptFailure.status(500,
                    Optional.empty()), RetryPolicy.standard(), () -> 0.5);
                deliveries.update(d);
            });
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "d1").orElseThrow();
                d.succeeded(new DeliveryAttempt(2, T0.plusSeconds(5), Duration.ofMillis(5), 200, null, null, true, ID));
                deliveries.update(d);
            });

            assertEquals(Optional.of(ID), db.query(em -> new JpaInboundNotifications(em).byId("n-1")).orElseThrow().correlationId());
            assertEquals(Optional.empty(), db.query(em -> new JpaInboundNotifications(em).byId("n-2")).orElseThrow().correlationId());
            assertEquals(Optional.of(ID), db.query(em -> new JpaOutbox(em).byId(TRACED)).orElseThrow().correlationId());
            assertEquals(Optional.empty(), db.query(em -> new JpaOutbox(em).byId(UNTRACED)).orElseThrow().correlationId());
            List<DeliveryAttempt> attempts = db.query(em -> new JpaDeliveries(em).byId("m1", "d1")).orElseThrow().attempts();
            assertEquals(List.of(ID, ID), attempts.stream().map(DeliveryAttempt::correlationId).toList(), "every attempt, retries too");

            assertEquals(List.of("n-1"), notifications(db, ID.value()));
            assertEquals(List.of(), notifications(db, "it-Trace_4"), "exactly, not a part");
            assertEquals(List.of(TRACED), events(db, ID.value()));
            assertEquals(List.of(), events(db, "IT-TRACE_42:A.B"), "exactly, as sent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAttemptWithoutACorrelationIdReadsBackWithoutOne(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> {
                new JpaOutbox(em).append(OutboundEvent.create(UNTRACED, "m1", "ach.settled", "{}", T0, null, null));
                new JpaDeliveries(em).add(Delivery.schedule("d1", UNTRACED, "s1", "m1", T0));
            });
            db.run(em -> {
                JpaDeliveries deliveries = new JpaDeliveries(em);
                Delivery d = deliveries.byId("m1", "d1").orElseThrow();
                d.succeeded(new DeliveryAttempt(1, T0, Duration.ofMillis(5), 204, null, null, true));
                deliveries.update(d);
            });
            assertNull(db.query(em -> new JpaDeliveries(em).byId("m1", "d1")).orElseThrow().attempts().get(0).correlationId());
        }
    }

    private static InboundNotification notification(String id) {
        return InboundNotification.register(id, ProviderId.ADYEN, new NotificationKey("adyen:" + id), "m1", "se", new byte[] {1},
            NotificationHeaders.none(), VerificationResult.verified(), T0);
    }

    private static List<String> notifications(TestDatabase db, String text) {
        return db.query(em -> new JpaInboundNotifications(em).search("m1", new InboundNotifications.Filter(Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text)), Optional.empty(), 10))
            .notifications().stream().map(InboundNotification::id).toList();
    }

    private static List<EventId> events(TestDatabase db, String text) {
        return db.query(em -> new JpaEventLog(em).search("m1", new EventLog.Filter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text)), Optional.empty(), 10))
            .events().stream().map(OutboundEvent::id).toList();
    }
}
