package dev.payhooks.admin.eventlog;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.eventlog.EventDetails.AttemptDetails;
import dev.payhooks.admin.eventlog.EventDetails.DeliveryDetails;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.events.EventLogQueries;
import dev.payhooks.application.events.EventLogQueries.LoggedEvent;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.application.webhooks.WebhookQueries;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.trace.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The event log view's model: outbound events and provider notifications in one grid, their
 * details, and replays. Reads go through {@link EventLogQueries}; replays through
 * {@link ReplayDeliveries}, which decides who may send again. Each method runs in one transaction.
 */
@ApplicationScoped
@Transactional
public class EventLogModel extends ConsoleModel {

    @Inject
    EventLogQueries queries;
    @Inject
    WebhookQueries webhooks;
    @Inject
    ReplayDeliveries replays;
    @Inject
    PersonalDataRedaction redaction;

    public List<Option> providerOptions() {
        return Option.providers();
    }

    /** What the event log can hold: the catalog and the test events a webhook's "Send test event" makes. */
    public List<String> eventLogTypes() {
        List<String> types = new ArrayList<>(EventCatalog.all().stream().map(t -> t.name()).toList());
        types.add(PublishEvents.TEST_EVENT_TYPE);
        return types;
    }

    public List<Option> webhookOptions() {
        return webhooks.list(signedIn.merchantId()).stream().map(s -> new Option(s.id(), s.label())).toList();
    }

    /** The statuses the log's filter offers: deliveries', then notifications'. */
    public List<String> eventLogStatuses() {
        List<String> statuses = new ArrayList<>();
        Arrays.stream(DeliveryStatus.values()).map(Enum::name).forEach(statuses::add);
        Arrays.stream(ProcessingStatus.values()).map(Enum::name).forEach(statuses::add);
        return statuses;
    }

    /** Whether a status of the log's filter belongs to provider notifications rather than deliveries. */
    public static boolean isNotificationStatus(String status) {
        return status != null && EventLogFilters.processingStatus(status).isPresent();
    }

    /**
     * A page of the event log, newest first, after {@code after} (keyset paging): outbound events
     * and inbound notifications merged by time. Each source is read by its own key from where
     * the previous page left it, {@code limit} rows at most, and the newest {@code limit} of both
     * make the page; the mark remembers how far each source was taken. No OFFSET, no count.
     */
    public EventPage events(EventFilter filter, Optional<EventPage.Mark> after, int limit) {
        String merchant = signedIn.merchantId();
        Map<String, String> labels = webhooks.labels(merchant);
        EventPage.Mark mark = after.orElse(EventPage.Mark.START);
        boolean outbound = EventLogFilters.includesOutbound(filter) && !mark.outboundDone();
        boolean inbound = EventLogFilters.includesInbound(filter, labels) && !mark.inboundDone();
        List<LoggedEvent> events = List.of();
        Optional<EventLog.Cursor> eventsNext = Optional.empty();
        if (outbound) {
            EventLogQueries.Page page = queries.page(merchant, EventLogFilters.outbound(filter, labels),
                mark.outbound().map(p -> new EventLog.Cursor(p.at(), p.id())), limit);
            events = page.items();
            eventsNext = page.next();
        }
        List<InboundNotification> received = List.of();
        Optional<InboundNotifications.Cursor> receivedNext = Optional.empty();
        if (inbound) {
            InboundNotifications.Page page = queries.notifications(merchant, EventLogFilters.inbound(filter),
                mark.inbound().map(p -> new InboundNotifications.Cursor(p.at(), p.id())), limit);
            received = page.notifications();
            receivedNext = page.next();
        }
        // merge two newest-first lists, taking a prefix of each
        List<EventRow> rows = new ArrayList<>();
        int e = 0;
        int n = 0;
        while (rows.size() < limit && (e < events.size() || n < received.size())) {
            boolean takeEvent = n >= received.size() || e < events.size()
                && !events.get(e).event().createdAt().isBefore(received.get(n).receivedAt());
            if (takeEvent) {
                rows.add(row(events.get(e++), labels));
            } else {
                rows.add(row(received.get(n++)));
            }
        }
        boolean outboundDone = !outbound || e == events.size() && eventsNext.isEmpty();
        boolean inboundDone = !inbound || n == received.size() && receivedNext.isEmpty();
        if (outboundDone && inboundDone) {
            return new EventPage(rows, Optional.empty());
        }
        Optional<EventPage.Position> outboundAt = e == 0 ? mark.outbound()
            : Optional.of(new EventPage.Position(events.get(e - 1).event().createdAt(), events.get(e - 1).event().id().value()));
        Optional<EventPage.Position> inboundAt = n == 0 ? mark.inbound()
            : Optional.of(new EventPage.Position(received.get(n - 1).receivedAt(), received.get(n - 1).id()));
        return new EventPage(rows, Optional.of(new EventPage.Mark(outboundAt, outboundDone, inboundAt, inboundDone)));
    }

    /**
     * A provider notification of the console's merchant, for the detail panel. Staff who may only
     * look (viewers) get the body with its personal data (names, addresses, phone, e-mail…)
     * redacted, as retention redacts old bodies; those who may change the configuration see it as
     * it arrived.
     */
    public NotificationDetails notification(String id) {
        InboundNotification n = queries.notification(signedIn.merchantId(), id);
        boolean masked = signedIn.caller().refusalToChange().isPresent();
        byte[] body = masked ? redacted(n) : n.rawBody();
        return new NotificationDetails(n.id(), n.provider().slug(), n.provider().displayName(), n.channelSlug().orElse(""),
            n.key().value(), n.receivedAt(), n.verification().outcome().name(), n.verification().reason().orElse(""),
            n.status().name(), n.statusReason().orElse(""), n.attempts(), InboundNotification.MAX_PROCESSING_ATTEMPTS,
            n.lastAttemptAt().orElse(null), n.transactionId().map(TransactionId::value).orElse(""), n.headers().masked(),
            EventPayloads.readableBody(body), body.length, EventPayloads.replayNote(n), masked,
            n.correlationId().map(CorrelationId::value).orElse(""));
    }

    private byte[] redacted(InboundNotification n) {
        try {
            return redaction.redact(n.provider(), n.headers().value("content-type"), n.rawBody());
        } catch (RuntimeException unreadable) {
            return PersonalDataRedaction.UNREADABLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public EventDetails event(String eventId) {
        String merchant = signedIn.merchantId();
        LoggedEvent logged = queries.logged(eventById(merchant, eventId).orElseThrow(() -> new NotFound("event " + eventId)));
        Map<String, String> labels = webhooks.labels(merchant);
        List<DeliveryDetails> all = new ArrayList<>();
        for (Delivery d : logged.deliveries()) {
            List<AttemptDetails> attempts = d.attempts().stream()
                .map(a -> new AttemptDetails(a.number(), a.startedAt(), a.status(), a.latency().toMillis(), a.success(),
                    a.errorClass(), a.responseExcerpt()))
                .toList();
            all.add(new DeliveryDetails(d.subscriptionId(), labels.getOrDefault(d.subscriptionId(), "(deleted webhook)"),
                d.status().name(), d.deadReason().orElse(null), d.nextAttemptAt().orElse(null), attempts));
        }
        OutboundEvent event = logged.event();
        return new EventDetails(event.id().value(), event.eventType(), event.createdAt(), event.source().orElse(""),
            event.correlationId().map(CorrelationId::value).orElse(""), EventPayloads.prettyJson(event.payloadJson()), all);
    }

    /**
     * Sends one event again to the webhooks whose delivery of it failed, or with {@code all} to
     * every webhook whose delivery of it has finished; returns how many.
     */
    public int replayEvent(String eventId, boolean all) {
        return replay(eventId, Optional.empty(), all ? ReplayDeliveries.Targets.ALL : ReplayDeliveries.Targets.FAILED);
    }

    /** Sends one event again to one webhook, whatever became of its delivery (unless it is still pending); returns how many. */
    public int replayEventTo(String eventId, String subscriptionId) {
        return replay(eventId, Optional.of(subscriptionId), ReplayDeliveries.Targets.ALL);
    }

    private int replay(String eventId, Optional<String> subscriptionId, ReplayDeliveries.Targets targets) {
        Caller caller = signedIn.caller();
        OutboundEvent event = eventById(caller.merchantId(), eventId).orElseThrow(() -> new NotFound("event " + eventId));
        return NotAllowed.lookNotChange(() -> replays.replayEvent(caller, event.id(), subscriptionId, targets));
    }

    /**
     * How many deliveries a bulk replay of this filter would send again (dead letters unless a
     * status is chosen): those of the outbound events the grid shows for the same filter.
     */
    public int countReplayable(EventFilter filter) {
        String merchant = signedIn.merchantId();
        Map<String, String> labels = webhooks.labels(merchant);
        return EventLogFilters.includesOutbound(filter)
            ? replays.countMatching(merchant, EventLogFilters.outbound(filter, labels)) : 0;
    }

    /**
     * Replays the deliveries of the outbound events the grid shows for this filter (its free
     * text included); provider notifications are not replayed (see {@link EventPayloads#replayNote}).
     * Above the merchant's four-eyes threshold, nothing runs: the answer holds the approval request.
     */
    public ReplayDeliveries.BulkReplay replayMatching(EventFilter filter) {
        Caller caller = signedIn.caller();
        Map<String, String> labels = webhooks.labels(caller.merchantId());
        return EventLogFilters.includesOutbound(filter)
            ? NotAllowed.lookNotChange(() -> replays.replayMatching(caller, EventLogFilters.outbound(filter, labels)))
            : new ReplayDeliveries.BulkReplay(0, 0, Optional.empty());
    }

    /** An event id typed in any case, with blanks around it. */
    private Optional<OutboundEvent> eventById(String merchant, String text) {
        return text == null || text.isBlank() ? Optional.empty()
            : queries.event(merchant, text.trim().toLowerCase(Locale.ROOT));
    }

    private static EventRow row(LoggedEvent logged, Map<String, String> labels) {
        List<Delivery> all = logged.deliveries();
        Map<DeliveryStatus, Long> byStatus = all.stream().collect(Collectors.groupingBy(Delivery::status, Collectors.counting()));
        String status = all.isEmpty() ? "no webhook" : byStatus.size() == 1 ? byStatus.keySet().iterator().next().name()
            : byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
        String webhooks = all.stream().map(d -> labels.getOrDefault(d.subscriptionId(), "(deleted)")).distinct()
            .collect(Collectors.joining(", "));
        OutboundEvent event = logged.event();
        return new EventRow(EventRow.Direction.OUTBOUND, event.id().value(), event.eventType(), event.createdAt(), status,
            webhooks);
    }

    private static EventRow row(InboundNotification n) {
        return new EventRow(EventRow.Direction.INBOUND, n.id(), n.key().value(), n.receivedAt(), n.status().name(),
            n.provider().displayName() + n.channelSlug().map(slug -> " · " + slug).orElse(""));
    }
}
