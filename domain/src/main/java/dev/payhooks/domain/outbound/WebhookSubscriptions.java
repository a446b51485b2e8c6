package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.AggregateStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** All webhook subscriptions. Every lookup is within one merchant. The caller owns the transaction. */
public interface WebhookSubscriptions extends AggregateStore<WebhookSubscription> {

    Optional<WebhookSubscription> byId(String merchantId, String id);

    /** Those of {@code ids} the merchant has, in any order: {@link #byId} for many at once. */
    default List<WebhookSubscription> byIds(String merchantId, Collection<String> ids) {
        return ids.stream().distinct().map(id -> byId(merchantId, id)).flatMap(Optional::stream).toList();
    }

    /** Oldest first. */
    List<WebhookSubscription> ofMerchant(String merchantId);

    /** The merchant's enabled subscriptions that listen to the event type: who gets an event. */
    List<WebhookSubscription> listeningTo(String merchantId, String eventType);

    /** {@link dev.payhooks.domain.error.Conflict} if changed meanwhile, so a delete does not drop an edit it never saw. */
    void remove(WebhookSubscription subscription);

    /**
     * The subscription's next free delivery slot ({@link DeliveryPacing}), locking it until the
     * caller's transaction ends so that two engines never hand out the same slot; null if no slot
     * was handed out yet (or the subscription is gone).
     */
    Instant lockNextDeliverySlot(String subscriptionId);

    void saveNextDeliverySlot(String subscriptionId, Instant slot);
}
