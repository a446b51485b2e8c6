package dev.payhooks.domain.outbound;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WebhookSubscriptions} in a map, for tests of code that uses the port. */
public class InMemoryWebhookSubscriptions implements WebhookSubscriptions {

    private final Map<String, WebhookSubscription> byId = new LinkedHashMap<>();
    private final Map<String, Instant> nextSlots = new HashMap<>();

    @Override
    public synchronized Optional<WebhookSubscription> byId(String merchantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(s -> s.merchantId().equals(merchantId));
    }

    @Override
    public synchronized List<WebhookSubscription> ofMerchant(String merchantId) {
        return byId.values().stream().filter(s -> s.merchantId().equals(merchantId))
            .sorted(Comparator.comparing(WebhookSubscription::createdAt).thenComparing(WebhookSubscription::id))
            .toList();
    }

    @Override
    public synchronized List<WebhookSubscription> listeningTo(String merchantId, String eventType) {
        return ofMerchant(merchantId).stream().filter(s -> s.listensTo(eventType)).toList();
    }

    @Override
    public synchronized void add(WebhookSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public synchronized void update(WebhookSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public synchronized void remove(WebhookSubscription subscription) {
        byId.remove(subscription.id());
    }

    @Override
    public synchronized Instant lockNextDeliverySlot(String subscriptionId) {
        return nextSlots.get(subscriptionId);
    }

    @Override
    public synchronized void saveNextDeliverySlot(String subscriptionId, Instant slot) {
        nextSlots.put(subscriptionId, slot);
    }
}
