package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.IdGenerator;

import java.util.List;

/**
 * Puts an outbound event in the outbox and schedules its deliveries, one per enabled
 * subscription of the merchant that listens to its type, all in the caller's transaction: the
 * event and its deliveries exist exactly when the state change that caused them does.
 * Subscriptions added later do not receive earlier events; a replay does.
 */
public class EventQueue {

    private final Outbox outbox;
    private final WebhookSubscriptions subscriptions;
    private final Deliveries deliveries;
    private final IdGenerator ids;

    public EventQueue(Outbox outbox, WebhookSubscriptions subscriptions, Deliveries deliveries, IdGenerator ids) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.ids = ids;
    }

    /** An event for one subscription only (a test event). */
    public Delivery enqueueFor(OutboundEvent event, WebhookSubscription subscription) {
        outbox.append(event);
        Delivery delivery = Delivery.schedule(ids.newId(), event.id(), subscription.id(), event.merchantId(), event.createdAt());
        deliveries.add(delivery);
        return delivery;
    }

    /** Returns the deliveries it scheduled. */
    public List<Delivery> enqueue(OutboundEvent event) {
        outbox.append(event);
        List<Delivery> scheduled = subscriptions.listeningTo(event.merchantId(), event.eventType()).stream()
            .filter(WebhookSubscription::enabled)
            .map(s -> Delivery.schedule(ids.newId(), event.id(), s.id(), event.merchantId(), event.createdAt()))
            .toList();
        deliveries.addAll(scheduled);
        return scheduled;
    }
}
