package dev.payhooks.domain.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading the outbound event log: events with their deliveries, filtered, newest first. */
public interface EventLog {

    /**
     * Only set fields filter; {@code from} inclusive and {@code to} exclusive, on the event's
     * creation time. {@code text} matches, ignoring case, any part of the event's id, or of the
     * merchant reference (a Saleor transaction's id for Saleor payments), the provider's
     * reference or the id of the payment transaction the event is about, or exactly the event's
     * correlation id.
     */
    record Filter(Optional<String> eventType, Optional<String> subscriptionId, Optional<DeliveryStatus> status,
                  Optional<Instant> from, Optional<Instant> to, Optional<String> text) {

        public Filter {
            text = text.map(String::trim).filter(t -> !t.isEmpty());
        }

        /** A filter without free text. */
        public Filter(Optional<String> eventType, Optional<String> subscriptionId, Optional<DeliveryStatus> status,
                      Optional<Instant> from, Optional<Instant> to) {
            this(eventType, subscriptionId, status, from, to, Optional.empty());
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The same filter on deliveries of this status. */
        public Filter withStatus(DeliveryStatus wanted) {
            return new Filter(eventType, subscriptionId, Optional.of(wanted), from, to, text);
        }
    }

    /** Where a page ended. */
    record Cursor(Instant createdAt, String eventId) { }

    record Page(List<OutboundEvent> events, Optional<Cursor> next) {
        public Page {
            events = List.copyOf(events);
        }
    }

    /** A page of a merchant's events; subscription and status match the event's deliveries. */
    Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit);

    /** The merchant's deliveries that match (subscription and status on the delivery, type and time on its event), oldest first. */
    List<Delivery> deliveries(String merchantId, Filter filter, int max);

    /**
     * The merchant's events matching the filter's type and time range whose type is one of
     * {@code eventTypes} and that have no delivery to the subscription (published while it was
     * off, or before it existed), oldest first.
     */
    List<OutboundEvent> missedBy(String merchantId, String subscriptionId, java.util.Set<String> eventTypes, Filter filter, int max);
}
