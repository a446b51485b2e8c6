package dev.payhooks.application.events;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.approvals.FourEyes;
import dev.payhooks.domain.approval.ApprovalRequest;
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
 * {@link Caller} who may change the merchant's configuration. With the merchant's four-eyes on, a
 * bulk replay of more deliveries than its threshold does not run: {@link FourEyes} holds it for a
 * second staff member's approval. The caller owns the transaction.
 */
public record ReplayDeliveries(Outbox outbox, Deliveries deliveries, EventLog log, WebhookSubscriptions subscriptions,
                               IdGenerator ids, Clock clock, FourEyes fourEyes) {

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

    /**
     * What a bulk replay did: how many finished deliveries it queued again and how many missed
     * events it scheduled, or, when four-eyes held it, the pending request instead (nothing ran).
     */
    public record BulkReplay(int replayed, int missed, Optional<ApprovalRequest> awaitingApproval) {

        /** What ran, in words: for the approval's record. */
        public String describe() {
            return replayed + (replayed == 1 ? " delivery" : " deliveries") + " queued again"
                + (missed > 0 ? ", " + missed + " missed " + (missed == 1 ? "event" : "events") + " scheduled" : "");
        }
    }

    /** Replays what matches; without a status in the filter, dead letters only. */
    public BulkReplay replayMatching(Caller caller, EventLog.Filter filter) {
        return replayBulk(caller, filter, false);
    }

    /**
     * Replays what matches (without a status in the filter, dead letters only) and, with
     * {@code withMissed}, schedules a delivery to the filter's subscription for every event in its
     * time range that it listens to and never got; that needs the subscription and a start time,
     * so that "everything since the beginning" is never one click away. Held for approval instead
     * when the merchant's four-eyes threshold is below the count of both.
     */
    public BulkReplay replayBulk(Caller caller, EventLog.Filter filter, boolean withMissed) {
        caller.requireMayChange();
        String merchantId = caller.merchantId();
        List<Delivery> matching = matching(merchantId, filter);
        List<OutboundEvent> missed = withMissed ? missed(merchantId, filter) : List.of();
        String summary = summary(merchantId, filter, withMissed);
        Optional<ApprovalRequest> held = fourEyes.holdBulkReplay(merchantId, filter, withMissed,
            matching.size() + missed.size(), summary);
        if (held.isPresent()) {
            return new BulkReplay(0, 0, held);
        }
        BulkReplay done = run(merchantId, filter, matching, missed);
        if (done.replayed() + done.missed() > 0) {
            fourEyes.ranWithoutApproval(merchantId, summary, done.describe());
        }
        return done;
    }

    /**
     * Runs the bulk replay a second staff member approved, with the filter it was asked with,
     * counted again now; only {@code DecideApprovals} calls it, after its checks.
     */
    public BulkReplay replayApproved(String merchantId, EventLog.Filter filter, boolean withMissed) {
        return run(merchantId, filter, matching(merchantId, filter), withMissed ? missed(merchantId, filter) : List.of());
    }

    /** Queues {@code matching} again and schedules {@code missed} to the filter's subscription. */
    private BulkReplay run(String merchantId, EventLog.Filter filter, List<Delivery> matching, List<OutboundEvent> missed) {
        matching.forEach(this::replay);
        Instant now = clock.instant();
        for (OutboundEvent event : missed) {
            deliveries.add(Delivery.schedule(ids.newId(), event.id(), filter.subscriptionId().orElseThrow(), merchantId, now));
        }
        return new BulkReplay(matching.size(), missed.size(), Optional.empty());
    }

    private List<OutboundEvent> missed(String merchantId, EventLog.Filter filter) {
        String subscriptionId = filter.subscriptionId()
            .orElseThrow(() -> new InvalidField("subscription", "is required to deliver missed events"));
        if (filter.from().isEmpty()) {
            throw new InvalidField("from", "is required to deliver missed events");
        }
        WebhookSubscription subscription = subscriptions.byId(merchantId, subscriptionId)
            .orElseThrow(() -> new NotFound("webhook subscription " + subscriptionId));
        return log.missedBy(merchantId, subscriptionId, Set.copyOf(subscription.events()), filter, MAX_BULK);
    }

    /** What a bulk replay asks for, in words: for an approval request and the audit trail. */
    private String summary(String merchantId, EventLog.Filter filter, boolean withMissed) {
        StringBuilder text = new StringBuilder("Replay of ")
            .append(filter.status().map(s -> s.name() + " deliveries").orElse("dead letters"));
        filter.eventType().ifPresent(type -> text.append(", type ").append(type));
        filter.subscriptionId().ifPresent(id -> text.append(", webhook ")
            .append(subscriptions.byId(merchantId, id).map(s -> s.label() + " (" + id + ")").orElse(id)));
        filter.from().ifPresent(from -> text.append(", from ").append(from));
        filter.to().ifPresent(to -> text.append(", until ").append(to));
        filter.text().ifPresent(part -> text.append(", matching “").append(part).append('”'));
        if (withMissed) {
            text.append(", with the events the webhook missed");
        }
        return text.toString();
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
