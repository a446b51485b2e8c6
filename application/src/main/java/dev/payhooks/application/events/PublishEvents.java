package dev.payhooks.application.events;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.Envelope;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.WebhookSubscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A merchant's own systems publish an event through the hub (the publish API). An
 * {@code Idempotency-Key} seen within 24 hours returns the event it made the first time instead
 * of a second one; after that the key is free again. The caller owns the transaction.
 */
public record PublishEvents(Outbox outbox, EventQueue queue, Merchants merchants, EventIdGenerator ids, Clock clock,
                            Predicate<String> knownEventType) {

    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    public static final int MAX_IDEMPOTENCY_KEY = OutboundEvent.MAX_IDEMPOTENCY_KEY_LENGTH;

    /** The event, and whether it was made by an earlier request with the same key. */
    public record Published(OutboundEvent event, boolean repeated) { }

    public Published publish(String merchantId, String eventType, String objectJson, Optional<String> idempotencyKey) {
        if (eventType == null || !knownEventType.test(eventType)) {
            throw new InvalidField("event_type", "'" + eventType + "' is not in the event catalog");
        }
        idempotencyKey.ifPresent(PublishEvents::requireValidKey);
        Instant now = clock.instant();
        if (idempotencyKey.isPresent()) {
            Optional<OutboundEvent> earlier = outbox.byIdempotencyKey(merchantId, idempotencyKey.get());
            if (earlier.isPresent() && earlier.get().createdAt().plus(IDEMPOTENCY_WINDOW).isAfter(now)) {
                return new Published(earlier.get(), true);
            }
            if (earlier.isPresent()) {
                outbox.releaseIdempotencyKey(merchantId, idempotencyKey.get());
            }
        }
        Merchant merchant = merchants.byId(merchantId).orElseThrow(() -> new NotFound("merchant"));
        var id = ids.next();
        String payload = Envelope.render(id, eventType, now, merchant.merchantKey(), objectJson);
        OutboundEvent event = OutboundEvent.create(id, merchantId, eventType, payload, now, idempotencyKey.orElse(null), "publish-api");
        queue.enqueue(event);
        return new Published(event, false);
    }

    /** The type of the sample event a "Send test event" delivers; not in the catalog, never published by others. */
    public static final String TEST_EVENT_TYPE = "webhook.test";

    /**
     * Sends a sample event to one of the caller's enabled subscriptions, whatever events it
     * listens to. A disabled one is refused: nothing would be sent to it.
     */
    public Published sendTest(Caller caller, WebhookSubscription subscription) {
        caller.requireMayChange();
        if (!subscription.merchantId().equals(caller.merchantId())) {
            throw new NotFound("webhook subscription '" + subscription.id() + "'");
        }
        if (!subscription.enabled()) {
            throw new Conflict("Webhook “" + subscription.label() + "” is disabled: enable it to send a test event");
        }
        Merchant merchant = merchants.byId(subscription.merchantId()).orElseThrow(() -> new NotFound("merchant"));
        Instant now = clock.instant();
        var id = ids.next();
        String payload = Envelope.render(id, TEST_EVENT_TYPE, now, merchant.merchantKey(),
            "{\"type\":\"test\",\"subscription\":\"" + subscription.id() + "\",\"message\":\"A test event from Payhooks\"}");
        OutboundEvent event = OutboundEvent.create(id, merchant.id(), TEST_EVENT_TYPE, payload, now, null, "test:" + subscription.id());
        queue.enqueueFor(event, subscription);
        return new Published(event, false);
    }

    private static void requireValidKey(String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidField("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY + " visible ASCII characters");
        }
    }
}
