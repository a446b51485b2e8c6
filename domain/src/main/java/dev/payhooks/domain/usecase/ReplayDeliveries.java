package dev.payhooks.domain.usecase;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.Outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Sends events again: one event's finished deliveries, or every finished delivery matching a
 * filter (e.g. all dead letters of a subscription after it was re-enabled). Pending deliveries
 * are left alone: they are going to be sent anyway. The caller owns the transaction.
 */
public class ReplayDeliveries {

    /** The most one bulk replay touches; larger replays are split by time range. */
    public static final int MAX_BULK = 10_000;

    private final Outbox outbox;
    private final Deliveries deliveries;
    private final EventLog log;
    private final Clock clock;

    public ReplayDeliveries(Outbox outbox, Deliveries deliveries, EventLog log, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.log = log;
        this.clock = clock;
    }

    /** Returns how many deliveries will be sent again. */
    public int replayEvent(String merchantId, EventId eventId, Optional<String> subscriptionId) {
        outbox.byId(eventId).filter(e -> e.merchantId().equals(merchantId))
            .orElseThrow(() -> new NotFound("event " + eventId.value()));
        List<Delivery> finished = deliveries.ofEvent(eventId).stream()
            .filter(d -> d.status() != DeliveryStatus.PENDING)
            .filter(d -> subscriptionId.map(d.subscriptionId()::equals).orElse(true))
            .toList();
        finished.forEach(this::replay);
        return finished.size();
    }

    /** Replays what matches; without a status in the filter, dead letters only. */
    public int replayMatching(String merchantId, EventLog.Filter filter) {
        List<Delivery> matching = matching(merchantId, filter);
        matching.forEach(this::replay);
        return matching.size();
    }

    /** How many deliveries {@link #replayMatching} would send again now: what a confirmation shows. */
    public int countMatching(String merchantId, EventLog.Filter filter) {
        return matching(merchantId, filter).size();
    }

    private List<Delivery> matching(String merchantId, EventLog.Filter filter) {
        EventLog.Filter effective = filter.status().isPresent() ? filter
            : new EventLog.Filter(filter.eventType(), filter.subscriptionId(), Optional.of(DeliveryStatus.DEAD), filter.from(), filter.to());
        return log.deliveries(merchantId, effective, MAX_BULK).stream()
            .filter(d -> d.status() != DeliveryStatus.PENDING)
            .toList();
    }

    private void replay(Delivery delivery) {
        delivery.replay(clock.instant());
        deliveries.update(delivery);
    }
}
