package dev.payhooks.application.webhooks;

import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A merchant's webhooks as staff and clients read them: oldest first, with how the newest delivery went. Read-only. */
public class WebhookQueries {

    private final WebhookSubscriptions subscriptions;
    private final EventLog log;
    private final Deliveries deliveries;

    public WebhookQueries(WebhookSubscriptions subscriptions, EventLog log, Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.deliveries = deliveries;
    }

    public List<WebhookSubscription> list(String merchantId) {
        return subscriptions.ofMerchant(merchantId).stream()
            .sorted(Comparator.comparing(WebhookSubscription::createdAt))
            .toList();
    }

    /** Each webhook's label by id. */
    public Map<String, String> labels(String merchantId) {
        return subscriptions.ofMerchant(merchantId).stream()
            .collect(Collectors.toMap(WebhookSubscription::id, WebhookSubscription::label, (a, b) -> a));
    }

    /** The webhook's delivery of the newest event it was sent, if any. */
    public Optional<Delivery> lastDelivery(String merchantId, String subscriptionId) {
        EventLog.Filter filter = new EventLog.Filter(Optional.empty(), Optional.of(subscriptionId), Optional.empty(),
            Optional.empty(), Optional.empty());
        List<OutboundEvent> newest = log.search(merchantId, filter, Optional.empty(), 1).events();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        return deliveries.ofEvent(newest.get(0).id()).stream()
            .filter(d -> d.subscriptionId().equals(subscriptionId))
            .findFirst();
    }
}
