package dev.payhooks.app.delivery;

import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.IdGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakingEventQueueTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** Holds what runs after the transaction until the test ends it. */
    static final class Transaction implements RecentReads.AfterTransaction {
        final List<Runnable> after = new ArrayList<>();
        final Set<Object> keys = new HashSet<>();

        @Override
        public void run(Runnable action) {
            after.add(action);
        }

        @Override
        public void runOnce(Object key, Runnable action) {
            if (keys.add(key)) {
                run(action);
            }
        }

        void end() {
            after.forEach(Runnable::run);
            after.clear();
            keys.clear();
        }
    }

    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final Transaction transaction = new Transaction();
    final ClaimWakeup wakeup = new ClaimWakeup();
    final WakingEventQueue queue = new WakingEventQueue(new InMemoryOutbox(), subscriptions, deliveries, new Ids(), transaction, wakeup);

    static final class Ids implements IdGenerator {
        @Override
        public String newId() {
            return UUID.randomUUID().toString();
        }

        @Override
        public String randomToken(int length) {
            return "x".repeat(length);
        }
    }

    static WebhookSubscription subscription(String id) {
        return WebhookSubscription.create(id, "m1", "Orders", HookUrl.parse("https://shop.example/hooks", true),
            List.of("transaction.sale.success"), new Authentication.None(), new Signature.MerchantKey(), DeliveryOptions.DEFAULT, NOW);
    }

    static OutboundEvent event(int n) {
        byte[] id = new byte[32];
        id[0] = (byte) n;
        return OutboundEvent.create(EventId.fromBytes(id), "m1", "transaction.sale.success", "{}", NOW, null, "test");
    }

    @Test
    void deliveriesScheduledInATransactionWakeTheClaimerWhenItEnds() throws Exception {
        subscriptions.add(subscription("s1"));
        assertEquals(1, queue.enqueue(event(1)).size());
        assertFalse(wakeup.await(Duration.ofMillis(1)), "not before the transaction ends: the claim would not see the rows");
        transaction.end();
        assertTrue(wakeup.await(Duration.ofMinutes(1)));
    }

    @Test
    void aTestEventWakesTheClaimerToo() throws Exception {
        queue.enqueueFor(event(2), subscription("s2"));
        transaction.end();
        assertTrue(wakeup.await(Duration.ofMinutes(1)));
    }

    @Test
    void anEventNobodyListensToWakesNothing() throws Exception {
        assertEquals(List.of(), queue.enqueue(event(3)));
        transaction.end();
        assertFalse(wakeup.await(Duration.ofMillis(1)));
    }

    @Test
    void aTransactionThatSchedulesManyDeliveriesRegistersOneWakeUp() throws Exception {
        subscriptions.add(subscription("s4"));
        subscriptions.add(subscription("s5"));
        assertEquals(2, queue.enqueue(event(4)).size());
        assertEquals(2, queue.enqueue(event(5)).size());
        queue.enqueueFor(event(6), subscription("s6"));
        assertEquals(1, transaction.after.size(), "one action after the transaction, not one per event or delivery");
        transaction.end();
        assertTrue(wakeup.await(Duration.ofMinutes(1)));
        queue.enqueue(event(7));
        assertEquals(1, transaction.after.size(), "the next transaction registers its own");
    }
}
