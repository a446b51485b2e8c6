package dev.payhooks.admin.eventlog;

import java.time.Instant;

/**
 * The event log's filter; null or blank fields do not filter. {@code direction} is INBOUND
 * (provider notifications), OUTBOUND (events for webhooks) or null for both. {@code status} is a
 * delivery status (outbound only) or a processing status (inbound only); {@code provider}
 * narrows to inbound notifications, {@code eventType} and {@code subscriptionId} to outbound
 * events. {@code idText} is an event, webhook, notification or transaction id, part of a
 * notification's key (a provider reference), or a correlation id (exactly: the notification of
 * that request and the events it caused), typed or pasted.
 */
public record EventFilter(String direction, String provider, String eventType, String subscriptionId, String status,
                          Instant from, Instant to, String idText) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null, null, null);
    }

    /** Only outbound events. */
    public static EventFilter outbound(String eventType, String subscriptionId, String status, Instant from, Instant to,
                                       String idText) {
        return new EventFilter(EventRow.Direction.OUTBOUND.name(), null, eventType, subscriptionId, status, from, to, idText);
    }
}
