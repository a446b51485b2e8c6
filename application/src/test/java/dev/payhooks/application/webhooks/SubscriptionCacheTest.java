package dev.payhooks.application.webhooks;

import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SALE = "transaction.sale.success";

    /** Counts the lookups of who listens that reach the store. */
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryWebhookSubscriptions store = new InMemoryWebhookSubscriptions() {
        @Override
        public synchronized List<WebhookSubscription> listeningTo(String merchantId, String eventType) {
            reads.incrementAndGet();
            return super.listeningTo(merchantId, eventType);
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    /** The actions waiting for the end of the "transaction"; {@link #commit} runs them. */
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final SubscriptionCache cache = new SubscriptionCache(store, afterTransaction::add, nanos::get,
        Duration.ofSeconds(5));

    private void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    private static WebhookSubscription listening(String id, String event) {
        return WebhookSubscription.create(id, "m1", "Orders", HookUrl.parse("https://hooks.example.com/x", false),
            List.of(event), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0);
    }

    private List<String> readingIds(String merchantId, String eventType) {
        return cache.reading().listeningTo(merchantId, eventType).stream().map(WebhookSubscription::id).toList();
    }

    @Test
    void theReadingViewAnswersWhoListensFromMemoryWithinTheTtlAndTheChangingViewNever() {
        store.add(listening("s1", SALE));
        assertEquals(List.of("s1"), readingIds("m1", SALE));
        assertEquals(List.of("s1"), readingIds("m1", SALE));
        assertEquals(1, reads.get());
        assertEquals(1, cache.changing().listeningTo("m1", SALE).size());
        assertEquals(2, reads.get(), "the changing view reads the store");
        readingIds("m1", "transaction.refund.success");
        assertEquals(3, reads.get(), "another event type is its own entry");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        readingIds("m1", SALE);
        assertEquals(4, reads.get(), "after the TTL the store is read again");
    }

    @Test
    void aMerchantWithoutSubscriptionsIsKeptToo() {
        assertTrue(readingIds("m1", SALE).isEmpty());
        assertTrue(readingIds("m1", SALE).isEmpty());
        assertEquals(1, reads.get());
    }

    @Test
    void everyChangeThroughEitherViewInvalidatesAtOnceAndAgainWhenItsTransactionEnds() {
        assertTrue(readingIds("m1", SALE).isEmpty());
        cache.changing().add(listening("s1", SALE));
        assertEquals(List.of("s1"), readingIds("m1", SALE), "an added subscription listens from the next read");

        WebhookSubscription disabled = store.byId("m1", "s1").orElseThrow();
        disabled.disable("failing", T0);
        cache.changing().update(disabled);
        assertTrue(readingIds("m1", SALE).isEmpty(), "a disabled one no longer does");
        assertFalse(cache.changing().byIds("m1", List.of("s1")).get(0).enabled(), "the delivery worker reads the store, not what is kept");
        int before = reads.get();
        commit();
        readingIds("m1", SALE);
        assertEquals(before + 1, reads.get(), "what was loaded before the commit is not used after it");

        cache.changing().add(listening("s2", SALE));
        readingIds("m1", SALE);
        cache.changing().remove(store.byId("m1", "s2").orElseThrow());
        assertTrue(readingIds("m1", SALE).isEmpty(), "a removed one no longer does");
    }

    @Test
    void aDeliverySlotIsNotAChangeOfWhoListens() {
        store.add(listening("s1", SALE));
        readingIds("m1", SALE);
        cache.changing().saveNextDeliverySlot("s1", T0);
        cache.changing().lockNextDeliverySlot("s1");
        readingIds("m1", SALE);
        assertEquals(1, reads.get());
    }
}
