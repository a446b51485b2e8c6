package dev.payhooks.application.events;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.application.approvals.FourEyes;
import dev.payhooks.application.events.ReplayDeliveries.Targets;
import dev.payhooks.domain.approval.InMemoryApprovalRequests;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Replaying one event: its failed deliveries unless all are asked for, or the one to a chosen webhook. */
class ReplayDeliveriesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final EventId EVENT = new EventId("0".repeat(63) + "1");

    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final ReplayDeliveries replays = new ReplayDeliveries(outbox, deliveries, new NoEventLog(), new InMemoryWebhookSubscriptions(),
        null, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), fourEyesOff());

    /** Four-eyes for a merchant the store does not hold: off. */
    static FourEyes fourEyesOff() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        return new FourEyes(new InMemoryMerchants(), new InMemoryApprovalRequests(), () -> Actor.SYSTEM,
            new InMemoryAuditTrail().recorder(() -> Actor.SYSTEM, clock), new SequentialIds(), clock);
    }

    /** The event log is not what a single event's replay reads. */
    static class NoEventLog implements EventLog {
        @Override
        public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
            throw new AssertionError("not used");
        }

        @Override
        public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
            throw new AssertionError("not used");
        }

        @Override
        public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, Set<String> eventTypes, Filter filter, int max) {
            throw new AssertionError("not used");
        }
    }

    ReplayDeliveriesTest() {
        outbox.append(OutboundEvent.create(EVENT, "m1", "transaction.sale.success", "{}", T0, null, null));
        Delivery got = Delivery.schedule("d-got", EVENT, "s-got", "m1", T0);
        got.succeeded(new DeliveryAttempt(1, T0, Duration.ofMillis(5), 200, null, null, true));
        Delivery dead = Delivery.schedule("d-dead", EVENT, "s-dead", "m1", T0);
        dead.abandon("the schedule ran out", T0);
        Delivery dead2 = Delivery.schedule("d-dead2", EVENT, "s-dead2", "m1", T0);
        dead2.abandon("the schedule ran out", T0);
        deliveries.add(got);
        deliveries.add(dead);
        deliveries.add(dead2);
        deliveries.add(Delivery.schedule("d-waiting", EVENT, "s-waiting", "m1", T0));
    }

    Map<String, DeliveryStatus> statuses() {
        return deliveries.ofEvent(EVENT).stream().collect(Collectors.toMap(Delivery::subscriptionId, Delivery::status));
    }

    @Test
    void byDefaultOnlyTheWebhooksWhoseDeliveryFailedGetTheEventAgain() {
        assertEquals(2, replays.replayEvent(TestCallers.developer("m1"), EVENT, Optional.empty(), Targets.FAILED));

        assertEquals(Map.of("s-got", DeliveryStatus.SUCCEEDED, "s-dead", DeliveryStatus.PENDING,
            "s-dead2", DeliveryStatus.PENDING, "s-waiting", DeliveryStatus.PENDING), statuses());
    }

    @Test
    void allSendsEveryFinishedDeliveryAgain() {
        assertEquals(3, replays.replayEvent(TestCallers.developer("m1"), EVENT, Optional.empty(), Targets.ALL));

        assertEquals(Map.of("s-got", DeliveryStatus.PENDING, "s-dead", DeliveryStatus.PENDING,
            "s-dead2", DeliveryStatus.PENDING, "s-waiting", DeliveryStatus.PENDING), statuses());
    }

    @Test
    void oneWebhookGetsItAgainOnlyWhenItsDeliveryIsAmongTheChosen() {
        assertEquals(0, replays.replayEvent(TestCallers.developer("m1"), EVENT, Optional.of("s-got"), Targets.FAILED));
        assertEquals(DeliveryStatus.SUCCEEDED, statuses().get("s-got"));
        assertEquals(1, replays.replayEvent(TestCallers.developer("m1"), EVENT, Optional.of("s-got"), Targets.ALL));
        assertEquals(1, replays.replayEvent(TestCallers.developer("m1"), EVENT, Optional.of("s-dead"), Targets.FAILED));

        assertEquals(Map.of("s-got", DeliveryStatus.PENDING, "s-dead", DeliveryStatus.PENDING,
            "s-dead2", DeliveryStatus.DEAD, "s-waiting", DeliveryStatus.PENDING), statuses());
    }

    @Test
    void viewersReplayNothing() {
        assertThrows(NotPermitted.class,
            () -> replays.replayEvent(TestCallers.viewer("m1"), EVENT, Optional.empty(), Targets.ALL));
        assertEquals(DeliveryStatus.SUCCEEDED, statuses().get("s-got"));
        assertEquals(DeliveryStatus.DEAD, statuses().get("s-dead"));
    }

    @Test
    void theChoiceIsFailedOrAllAndFailedWhenNotMade() {
        assertEquals(Targets.FAILED, Targets.parse(null));
        assertEquals(Targets.FAILED, Targets.parse(" "));
        assertEquals(Targets.FAILED, Targets.parse("failed"));
        assertEquals(Targets.ALL, Targets.parse("ALL"));
        assertEquals("deliveries: must be failed or all", assertThrows(InvalidField.class, () -> Targets.parse("dead")).getMessage());
    }

    @Test
    void aBulkReplayKeepsTheFiltersFreeTextAndTakesDeadLettersUnlessAStatusIsChosen() {
        List<EventLog.Filter> asked = new java.util.ArrayList<>();
        ReplayDeliveries bulk = new ReplayDeliveries(outbox, deliveries, new NoEventLog() {
            @Override
            public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
                asked.add(filter);
                return deliveries.ofEvent(EVENT).stream().filter(d -> filter.status().map(d.status()::equals).orElse(true)).toList();
            }
        }, new InMemoryWebhookSubscriptions(), null, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), fourEyesOff());
        EventLog.Filter byText = new EventLog.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of("order-77"));

        assertEquals(2, bulk.countMatching("m1", byText));
        assertEquals(2, bulk.replayMatching(TestCallers.developer("m1"), byText).replayed());

        assertEquals(List.of(byText.withStatus(DeliveryStatus.DEAD), byText.withStatus(DeliveryStatus.DEAD)), asked);
        assertEquals(Optional.of("order-77"), asked.get(0).text());
        assertEquals(DeliveryStatus.SUCCEEDED, statuses().get("s-got"));
    }
}
