package dev.payhooks.domain.outbound;

import dev.payhooks.domain.merchant.Merchant;

import java.time.Clock;
import java.time.Instant;

/**
 * Writes one of the merchant's outbound events about a payment ({@link TransactionNotices},
 * {@link FulfillmentNotices}): a new event id, the envelope around the object, the event in the
 * outbox and its deliveries, all in the caller's transaction.
 */
record Notices(EventQueue queue, EventIdGenerator ids, Clock clock) {

    /** {@code source} names what the event is about, so that the same fact is recognisable. */
    OutboundEvent publish(Merchant merchant, String eventType, JsonText object, String source) {
        EventId id = ids.next();
        Instant now = clock.instant();
        String payload = Envelope.render(id, eventType, now, merchant.merchantKey(), object.toJson());
        OutboundEvent outbound = OutboundEvent.create(id, merchant.id(), eventType, payload, now, null, source);
        queue.enqueue(outbound);
        return outbound;
    }
}
