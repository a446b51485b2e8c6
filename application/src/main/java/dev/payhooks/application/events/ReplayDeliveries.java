package dev.payhooks.application.events;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.IdGenerator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends events again: one event's failed deliveries (or, when asked, all its finished ones), or
 * every finished delivery matching a filter (e.g. all dead letters of a subscription after it was
 * re-enabled), and on request the events a subscription never got because it was off (or did not
 * exist yet) when they were published. Pending deliveries are left alone: they are going to be sent anyway. Sending needs a
 * {@link Caller} who may change the merchant's configuration. The caller owns the transaction.
 */
public record ReplayDeliveries(Outbox outbox, Deliveries deliveries, EventLog log, WebhookSubscriptions subscriptions,
                               IdGenerator ids, Clock clock) {

    /** The most one bulk replay touches; larger replays are split by time range. */
    public static final int MAX_BULK = 10_000;

    /**
     * Which of an event's finished deliveries a replay sends again: by default only the failed
     * ones (dead letters), so that webhooks that already got the event do not get it twice;
     * every finished one only when staff or the API ask for it.
     */
    public enum Targets {
        FAILED, ALL;

        /** {@code failed} or {@code all}, in any case; blank or absent is {@link #FAILED}. */
        public static Targets parse(String text) {
            if (text == null || text.isBlank()) {
                return FAILED;
            }
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "failed" -> FAILED;
                case "all" -> ALL;
                default -> throw new InvalidField("deliveries", "must be failed or all");
            };
        }

        boolean includes(Delivery delivery) {
            return this == ALL ? delivery.status() != DeliveryStatus.PENDING : delivery.status() == DeliveryStatus.DEAD;
        }
    }

    /**
     * Sends the event again to the webhooks {@code targets} picks among its finished deliveries
     * (to one webhook only with {@code subscriptionId}); returns how many deliveries will be sent again.
     */
    public int replayEvent(Caller caller, EventId eventId, Optional<String> subscriptionId, Targets targets) {
        caller.requireMayChange();
        String merchantId = caller.merchantId();
        outbox.byId(eventId).filter(e -> e.merchantId().equals(merchantId))
            .orElseThrow(() -> new NotFound("event " + eventId.value()));
        List<Delivery> chosen = deliveries.ofEvent(eventId).stream()
            .filter(targets::includes)
            .filter(d -> subscriptionId.map(d.subscriptionId()::equals).orElse(true))
            .toList();
        chosen.forEach(this::replay);
        return chosen.size();
    }

    /** Replays what matches; without a status in the filter, dead letters only. */
    public int replayMatching(Caller caller, EventLog.Filter filter) {
        caller.requireMayChange();
        String merchantId = caller.merchantId();
        List<Delivery> matching = matching(merchantId, filter);
        matching.forEach(this::replay);
        return matching.size();
    }

    /**
     * Schedules a delivery to the subscription for every event in the filter's time range that
     * it listens to and never got; needs the subscription and a start time, so that "everything
     * since the beginning" is never one click away. Returns how many it scheduled.
     */
    public int deliverMissed(Caller caller, EventLog.Filter filter) {
        caller.requireMayChange();
        String merchantId = caller.merchantId();
        String subscriptionId = filter.subscriptionId()
            .orElseThrow(() -> new InvalidField("subscription", "is required to deliver missed events"));
        if (filter.from().isEmpty()) {
            throw new InvalidField("from", "is required to deliver missed events");
        }
        WebhookSubscription subscription = subscriptions.byId(merchantId, subscriptionId)
            .orElseThrow(() -> new NotFound("webhook subscription " + subscriptionId));
        Instant now = clock.instant();
        List<OutboundEvent> missed = log.missedBy(merchantId, subscriptionId, Set.copyOf(subscription.events()), filter, MAX_BULK);
        for (OutboundEvent event : missed) {
            deliveries.add(Delivery.schedule(ids.newId(), event.id(), subscriptionId, merchantId, now));
        }
        return missed.size();
    }

    /** How many deliveries {@link #replayMatching} would send again now: what a confirmation shows. */
    public int countMatching(String merchantId, EventLog.Filter filter) {
        return matching(merchantId, filter).size();
    }

    private List<Delivery> matching(String merchantId, EventLog.Filter filter) {
        EventLog.Filter effective = filter.status().isPresent() ? filter : filter.withStatus(DeliveryStatus.DEAD);
        return log.deliveries(merchantId, effective, MAX_BULK).stream()
            .filter(d -> d.status() != DeliveryStatus.PENDING)
            .toList();
    }

    private void replay(Delivery delivery) {
        delivery.replay(clock.instant());
        deliveries.update(delivery);
    }
}
