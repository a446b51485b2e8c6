package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JpaEventLogTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static EventId event(int n) {
        return new EventId(String.format("%064x", n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSubscriptionMissedTheEventsOfItsTypesThatItHasNoDeliveryFor(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(OutboundEvent.create(event(1), "m1", "ach.settled", "{}", T0, null, null));
                outbox.append(OutboundEvent.create(event(2), "m1", "ach.settled", "{}", T0.plusSeconds(10), null, null));
                outbox.append(OutboundEvent.create(event(3), "m1", "ach.failed", "{}", T0.plusSeconds(20), null, null));
                outbox.append(OutboundEvent.create(event(4), "m1", "cau.submitted", "{}", T0.plusSeconds(30), null, null));
                outbox.append(OutboundEvent.create(event(5), "m2", "ach.settled", "{}", T0.plusSeconds(40), null, null));
                outbox.append(OutboundEvent.create(event(6), "m1", "ach.settled", "{}", T0.minusSeconds(60), null, null));
                new JpaDeliveries(em).add(Delivery.schedule("d1", event(1), "s1", "m1", T0));
                new JpaDeliveries(em).add(Delivery.schedule("d2", event(2), "other", "m1", T0));
            });
            EventLog.Filter since = new EventLog.Filter(Optional.empty(), Optional.of("s1"), Optional.empty(), Optional.of(T0),
                Optional.empty());

            List<OutboundEvent> missed = db.query(em -> new JpaEventLog(em).missedBy("m1", "s1", Set.of("ach.settled", "ach.failed"),
                since, 100));

            // 1 was delivered, 4 is not its type, 5 is another merchant's, 6 is before the range
            assertEquals(List.of(event(2), event(3)), missed.stream().map(OutboundEvent::id).toList());
            EventLog.Filter onlyFailed = new EventLog.Filter(Optional.of("ach.failed"), Optional.of("s1"), Optional.empty(),
                Optional.of(T0), Optional.of(T0.plusSeconds(21)));
            assertEquals(List.of(event(3)), db.query(em -> new JpaEventLog(em).missedBy("m1", "s1", Set.of("ach.settled", "ach.failed"),
                onlyFailed, 100)).stream().map(OutboundEvent::id).toList());
        }
    }
}
