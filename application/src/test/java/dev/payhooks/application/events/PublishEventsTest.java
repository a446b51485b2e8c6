package dev.payhooks.application.events;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.OutboxPosition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishEventsTest {

    static final Instant T0 = Instant.parse("2021-04-07T15:14:26Z");
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final AtomicInteger next = new AtomicInteger();
    Instant now = T0;

    PublishEvents publisher() {
        return new PublishEvents(outbox, new EventQueue(outbox, subscriptions, deliveries, new SequentialIds()), merchants,
            () -> new EventId(String.format("%064x", next.incrementAndGet())),
            new Clock() {
                @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return now; }
            },
            Set.of("transaction.sale.success", "transaction.refund.success")::contains);
    }

    PublishEventsTest() {
        merchants.add(Merchant.register("m1", "Shop", "7qwnw4j2kmqvrb3", T0));
    }

    @Test
    void theEnvelopeIsTheSeedFormat() {
        OutboundEvent event = publisher().publish("m1", "transaction.sale.success",
            "{\"type\":\"transaction\",\"key\":\"1nftvzx7xtcggm3\",\"amount_detail\":{\"amount\":\"5.00\"},\"authcode\":\"538228\"}",
            Optional.empty()).event();

        assertEquals("{\"type\":\"event\",\"event_triggered\":\"2021-04-07 15:14:26\",\"event_type\":\"transaction.sale.success\","
            + "\"event_body\":{\"merchant\":{\"merch_key\":\"7qwnw4j2kmqvrb3\"},\"object\":{\"type\":\"transaction\","
            + "\"key\":\"1nftvzx7xtcggm3\",\"amount_detail\":{\"amount\":\"5.00\"},\"authcode\":\"538228\"}},"
            + "\"event_id\":\"" + "0".repeat(63) + "1\"}", event.payloadJson());
        assertEquals(1, outbox.after(OutboxPosition.START, 10).size());
    }

    @Test
    void theSameKeyWithinADayGivesTheSameEventAndAfterwardsANewOne() {
        PublishEvents publisher = publisher();
        PublishEvents.Published first = publisher.publish("m1", "transaction.sale.success", "{}", Optional.of("order-42"));

        now = T0.plus(Duration.ofHours(23));
        PublishEvents.Published again = publisher.publish("m1", "transaction.sale.success", "{\"changed\":true}", Optional.of("order-42"));
        assertTrue(again.repeated());
        assertEquals(first.event().id(), again.event().id());
        assertEquals(1, outbox.after(OutboxPosition.START, 10).size());

        now = T0.plus(Duration.ofHours(24));
        PublishEvents.Published later = publisher.publish("m1", "transaction.sale.success", "{}", Optional.of("order-42"));
        assertFalse(later.repeated());
        assertNotEquals(first.event().id(), later.event().id());
        assertEquals(2, outbox.after(OutboxPosition.START, 10).size());
    }

    @Test
    void eachEnabledListeningSubscriptionGetsADeliveryDueAtOnce() {
        subscriptions.add(subscription("s-sale", "transaction.sale.success", true));
        subscriptions.add(subscription("s-refund", "transaction.refund.success", true));
        subscriptions.add(subscription("s-off", "transaction.sale.success", false));

        OutboundEvent event = publisher().publish("m1", "transaction.sale.success", "{}", Optional.empty()).event();

        assertEquals(1, deliveries.all().size());
        assertEquals("s-sale", deliveries.all().get(0).subscriptionId());
        assertEquals(event.id(), deliveries.all().get(0).eventId());
        assertTrue(deliveries.all().get(0).dueAt(T0));
    }

    static WebhookSubscription subscription(String id, String event, boolean enabled) {
        WebhookSubscription s = WebhookSubscription.create(id, "m1", "Orders", HookUrl.parse("https://hooks.example.com/x", false),
            java.util.List.of(event), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0);
        if (!enabled) {
            s.disable("off", T0);
        }
        return s;
    }

    @Test
    void keysBelongToTheirMerchant() {
        merchants.add(Merchant.register("m2", "Other", "aaaaaaaaaaaaaaa", T0));
        PublishEvents publisher = publisher();
        publisher.publish("m1", "transaction.sale.success", "{}", Optional.of("k"));

        assertFalse(publisher.publish("m2", "transaction.sale.success", "{}", Optional.of("k")).repeated());
    }

    @Test
    void unknownTypesAndBadKeysAreRefusedAndNothingIsStored() {
        PublishEvents publisher = publisher();

        assertEquals("event_type: 'sale.done' is not in the event catalog",
            assertThrows(InvalidField.class, () -> publisher.publish("m1", "sale.done", "{}", Optional.empty())).getMessage());
        assertThrows(InvalidField.class, () -> publisher.publish("m1", "transaction.sale.success", "{}", Optional.of("with space")));
        assertThrows(InvalidField.class, () -> publisher.publish("m1", "transaction.sale.success", "{}", Optional.of("k".repeat(300))));
        assertTrue(outbox.after(OutboxPosition.START, 10).isEmpty());
    }

    @Test
    void aTestEventGoesOnlyToACallerWhoMayChangeTheMerchantsWebhook() {
        WebhookSubscription s = subscription("s-1", "transaction.sale.success", true);
        subscriptions.add(s);

        assertThrows(dev.payhooks.domain.error.NotPermitted.class,
            () -> publisher().sendTest(dev.payhooks.application.access.TestCallers.viewer("m1"), s));
        assertThrows(dev.payhooks.domain.error.NotFound.class,
            () -> publisher().sendTest(dev.payhooks.application.access.TestCallers.developer("m2"), s));
        assertTrue(deliveries.all().isEmpty());

        publisher().sendTest(dev.payhooks.application.access.TestCallers.developer("m1"), s);
        assertEquals(1, deliveries.all().size());
    }

    @Test
    void aDisabledWebhookGetsNoTestEventAndTheCallerIsToldWhy() {
        WebhookSubscription s = subscription("s-1", "transaction.sale.success", false);
        subscriptions.add(s);

        dev.payhooks.domain.error.Conflict refused = assertThrows(dev.payhooks.domain.error.Conflict.class,
            () -> publisher().sendTest(dev.payhooks.application.access.TestCallers.developer("m1"), s));

        assertEquals("Webhook “" + s.label() + "” is disabled: enable it to send a test event", refused.getMessage());
        assertTrue(deliveries.all().isEmpty());
        assertTrue(outbox.after(OutboxPosition.START, 10).isEmpty());
    }
}
