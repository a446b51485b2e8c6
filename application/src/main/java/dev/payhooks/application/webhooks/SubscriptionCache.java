package dev.payhooks.application.webhooks;

import dev.payhooks.application.cache.CachedViews;
import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Who listens to an event type, as the outbox reads it for every event it writes: a payment
 * outcome recorded from a Saleor webhook or a notification looks up the merchant's subscriptions
 * to that type, and most merchants have a handful. Kept in memory for at most {@link #TTL}
 * ({@link CachedViews}). Two views:
 * <ul>
 *   <li>{@link #reading()} for the event queue: {@code listeningTo} answers from memory while
 *       the entry for that merchant and event type is younger than the TTL (an empty list too:
 *       a merchant without subscriptions is the usual case, not a made-up key).</li>
 *   <li>{@link #changing()} for everything else (the management API, the console, the delivery
 *       worker that disables a failing subscription): every read goes to the store, and every
 *       {@code add}, {@code update} and {@code remove} empties the cache at once and again when
 *       the changing transaction ends.</li>
 * </ul>
 * So on one instance a subscription added, changed, disabled or removed decides who gets the
 * events written from the next commit on. One changed on another instance sharing the database
 * does so here within {@link #TTL}: an event written meanwhile is scheduled for the subscriptions
 * this instance read (a replay reaches one that missed it; the delivery worker does not send to
 * a subscription that is disabled or gone when a delivery falls due).
 */
public final class SubscriptionCache extends CachedViews<WebhookSubscriptions, String, WebhookSubscription> {

    /** At most this many merchant and event type pairs are kept. */
    static final int MAX_ENTRIES = 10_000;

    private record Listening(String merchantId, String eventType) { }

    private final RecentReads<Listening, List<WebhookSubscription>> listening;

    public SubscriptionCache(WebhookSubscriptions store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    SubscriptionCache(WebhookSubscriptions store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime,
                      Duration ttl) {
        super(store, afterTransaction, nanoTime, ttl, MAX_ENTRIES);
        this.listening = alsoKept();
    }

    @Override
    protected WebhookSubscriptions view() {
        return new SubscriptionsView();
    }

    private final class SubscriptionsView extends View implements WebhookSubscriptions {

        @Override
        public Optional<WebhookSubscription> byId(String merchantId, String id) {
            return store.byId(merchantId, id);
        }

        @Override
        public List<WebhookSubscription> byIds(String merchantId, Collection<String> ids) {
            return store.byIds(merchantId, ids);
        }

        @Override
        public List<WebhookSubscription> ofMerchant(String merchantId) {
            return store.ofMerchant(merchantId);
        }

        @Override
        public List<WebhookSubscription> listeningTo(String merchantId, String eventType) {
            if (this != reading()) {
                return store.listeningTo(merchantId, eventType);
            }
            return listening.get(new Listening(merchantId, eventType),
                () -> Optional.of(List.copyOf(store.listeningTo(merchantId, eventType)))).orElseThrow();
        }

        @Override
        public void remove(WebhookSubscription subscription) {
            invalidate();
            store.remove(subscription);
        }

        /** The delivery pacing slot: not who listens, so nothing kept changes. */
        @Override
        public Instant lockNextDeliverySlot(String subscriptionId) {
            return store.lockNextDeliverySlot(subscriptionId);
        }

        @Override
        public void saveNextDeliverySlot(String subscriptionId, Instant slot) {
            store.saveNextDeliverySlot(subscriptionId, slot);
        }
    }
}
