package dev.payhooks.domain.outbound;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events waiting to be (or already) delivered to merchants, as a collection. The caller owns the transaction. */
public interface Outbox {

    /**
     * Adds an event, in the same transaction as the state change that caused it, so the event
     * exists exactly when the change does. An idempotency key already used by the merchant
     * fails the transaction: look it up with {@link #byIdempotencyKey} first.
     */
    void append(OutboundEvent event);

    Optional<OutboundEvent> byId(EventId id);

    /** The stored events among {@code ids}, by id, in one round trip where the store can. */
    default Map<EventId, OutboundEvent> byIds(Collection<EventId> ids) {
        Map<EventId, OutboundEvent> found = new HashMap<>();
        for (EventId id : ids) {
            byId(id).ifPresent(event -> found.put(id, event));
        }
        return found;
    }

    Optional<OutboundEvent> byIdempotencyKey(String merchantId, String idempotencyKey);

    /**
     * Frees an idempotency key whose window has passed, so the merchant may use it for a new
     * event; the old event itself stays as it was, only no longer findable by the key.
     */
    void releaseIdempotencyKey(String merchantId, String idempotencyKey);

    /**
     * Up to {@code limit} events after the position, oldest first.
     *
     * <p>Positions follow creation time, not commit time: a transaction that started earlier
     * may commit an older event after newer ones were read. A reader must not treat the last
     * position it saw as "everything before is done" without allowing for transactions still
     * in flight.
     */
    List<OutboundEvent> after(OutboxPosition position, int limit);
}
