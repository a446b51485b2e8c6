package dev.payhooks.application.events;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;

import java.util.List;
import java.util.Optional;

/**
 * A merchant's event log as the management API and the console read it: outbound events with
 * their deliveries (newest first, keyset paging), and the provider notifications the hub received.
 * Read-only; another merchant's event or notification is simply not found.
 */
public record EventLogQueries(EventLog log, Outbox outbox, Deliveries deliveries, InboundNotifications notifications) {

    /** An outbound event with its deliveries, one per webhook it went to. */
    public record LoggedEvent(OutboundEvent event, List<Delivery> deliveries) { }

    /** A page of events; {@code next} fetches the following one, empty on the last. */
    public record Page(List<LoggedEvent> items, Optional<EventLog.Cursor> next) { }

    public Page page(String merchantId, EventLog.Filter filter, Optional<EventLog.Cursor> after, int limit) {
        EventLog.Page page = log.search(merchantId, filter, after, limit);
        return new Page(page.events().stream().map(this::logged).toList(), page.next());
    }

    /** The merchant's event with this id, if the text is one. */
    public Optional<OutboundEvent> event(String merchantId, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return outbox.byId(new EventId(id)).filter(e -> e.merchantId().equals(merchantId));
        } catch (IllegalArgumentException notAnEventId) {
            return Optional.empty();
        }
    }

    /** The merchant's event with its deliveries; a malformed id is not found either. */
    public LoggedEvent detail(String merchantId, String id) {
        return logged(event(merchantId, id).orElseThrow(() -> new NotFound("event " + id)));
    }

    public LoggedEvent logged(OutboundEvent event) {
        return new LoggedEvent(event, deliveries.ofEvent(event.id()));
    }

    public InboundNotifications.Page notifications(String merchantId, InboundNotifications.Filter filter,
                                                   Optional<InboundNotifications.Cursor> after, int limit) {
        return notifications.search(merchantId, filter, after, limit);
    }

    /** A provider notification the merchant received. */
    public InboundNotification notification(String merchantId, String id) {
        return Optional.ofNullable(id).map(String::trim).filter(s -> !s.isEmpty())
            .flatMap(notifications::byId)
            .filter(found -> found.merchantId().map(merchantId::equals).orElse(false))
            .orElseThrow(() -> new NotFound("notification " + id));
    }
}
