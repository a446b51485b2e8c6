package dev.payhooks.admin.eventlog;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.payment.ProviderId;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The event log's filter bar as the two sources' filters: which source a filter can match at
 * all, and its fields as the domain's filter of each. Free text naming a webhook narrows by
 * webhook; any other text searches both sources (part of an event id or of its transaction's
 * references, part of a notification's id, transaction or key, or exactly a correlation id).
 */
final class EventLogFilters {

    private EventLogFilters() {
    }

    /** The filters a provider notification can match: an inbound status, a provider, no event type or webhook. */
    static boolean includesInbound(EventFilter filter, Map<String, String> webhooks) {
        return !EventRow.Direction.OUTBOUND.name().equals(blankToNull(filter.direction()))
            && blankToNull(filter.eventType()) == null && blankToNull(filter.subscriptionId()) == null
            && (blankToNull(filter.status()) == null || processingStatus(filter.status()).isPresent())
            && !webhooks.containsKey(Optional.ofNullable(filter.idText()).map(String::trim).orElse(""));
    }

    /** The filters an outbound event can match: a delivery status, no provider. */
    static boolean includesOutbound(EventFilter filter) {
        return !EventRow.Direction.INBOUND.name().equals(blankToNull(filter.direction()))
            && blankToNull(filter.provider()) == null
            && (blankToNull(filter.status()) == null || deliveryStatus(filter.status()).isPresent());
    }

    static InboundNotifications.Filter inbound(EventFilter filter) {
        requireOrderedRange(filter);
        return new InboundNotifications.Filter(Optional.ofNullable(blankToNull(filter.provider())).map(EventLogFilters::provider),
            Optional.ofNullable(blankToNull(filter.status())).flatMap(EventLogFilters::processingStatus),
            Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()), Optional.ofNullable(filter.idText()));
    }

    static EventLog.Filter outbound(EventFilter filter, Map<String, String> webhooks) {
        Optional<String> subscription = Optional.ofNullable(filter.subscriptionId()).filter(s -> !s.isBlank());
        String text = filter.idText() == null ? "" : filter.idText().trim();
        Optional<String> freeText = Optional.of(text);
        if (webhooks.containsKey(text)) {
            freeText = Optional.empty();
            if (subscription.isEmpty()) {
                subscription = Optional.of(text);
            }
        }
        Optional<DeliveryStatus> status = Optional.ofNullable(filter.status()).filter(s -> !s.isBlank())
            .flatMap(EventLogFilters::deliveryStatus);
        requireOrderedRange(filter);
        return new EventLog.Filter(Optional.ofNullable(filter.eventType()).filter(s -> !s.isBlank()), subscription, status,
            Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()), freeText);
    }

    static Optional<ProcessingStatus> processingStatus(String name) {
        return Arrays.stream(ProcessingStatus.values()).filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private static Optional<DeliveryStatus> deliveryStatus(String name) {
        return Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private static void requireOrderedRange(EventFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be later than from");
        }
    }

    private static ProviderId provider(String slug) {
        try {
            return ProviderId.fromSlug(slug);
        } catch (InvalidValue unknown) {
            throw new InvalidField("provider", unknown.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
