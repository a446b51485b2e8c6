package dev.payhooks.admin.facade;

import java.time.Instant;

/**
 * The event log's filter; null fields do not filter. {@code idText} is an event id or a
 * webhook id, typed or pasted.
 */
public record EventFilter(String eventType, String subscriptionId, String status, Instant from, Instant to, String idText) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null);
    }
}
