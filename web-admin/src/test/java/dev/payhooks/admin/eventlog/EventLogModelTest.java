package dev.payhooks.admin.eventlog;

import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.application.events.EventLogQueries;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.application.webhooks.WebhookQueries;

import dev.payhooks.admin.eventlog.KeysetPages;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.inbound.InMemoryInboundNotifications;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event log's one grid over outbound events and provider notifications, and a notification's detail. */
class EventLogModelTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final InMemoryOutbox outbox = new InMemoryOutbox();
    final List<OutboundEvent> events = new ArrayList<>();
    final InMemoryInboundNotifications notifications = new InMemoryInboundNotifications();
    final ConsoleFixture console = new ConsoleFixture(T0);
    final EventLogModel model = new EventLogModel();

    final InMemoryDeliveries deliveries = new InMemoryDeliveries();

    EventLogModelTest() {
        console.merchants.add(Merchant.register("m-2", "Someone else", "8qwnw4j2kmqvrb3", T0.plusSeconds(1)));
        InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
        ListEventLog log = new ListEventLog(events, deliveries);
        console.withSignedIn(model);
        model.queries = new EventLogQueries(log, outbox, deliveries, notifications);
        model.webhooks = new WebhookQueries(subscriptions, log, deliveries);
        model.replays = new ReplayDeliveries(outbox, deliveries, log, subscriptions, null, console.clock, console.fourEyes());
        // stands in for the retention's field redaction: a shopper's name is personal data
        model.redaction = (provider, contentType, body) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.contains("Anna Berg") ? text.replace("Anna Berg", dev.payhooks.domain.retention.PersonalDataRedaction.MARKER)
                .getBytes(StandardCharsets.UTF_8) : body;
        };
        console.signIn("alice", "VIEWER");
    }

    /**
     * {@link EventLog} over a list: merchant, type, time and free text (any part of the event id,
     * ignoring case, or exactly its correlation id) filter, newest first by key; deliveries of the
     * matching events by status.
     */
    record ListEventLog(List<OutboundEvent> events, InMemoryDeliveries deliveries) implements EventLog {

        static boolean matches(OutboundEvent e, String merchantId, Filter filter) {
            return e.merchantId().equals(merchantId)
                && filter.eventType().map(e.eventType()::equals).orElse(true)
                && filter.from().map(at -> !e.createdAt().isBefore(at)).orElse(true)
                && filter.to().map(at -> e.createdAt().isBefore(at)).orElse(true)
                && filter.text().map(t -> e.id().value().contains(t.toLowerCase(java.util.Locale.ROOT))
                    || e.correlationId().map(id -> id.value().equals(t)).orElse(false)).orElse(true);
        }

        @Override
        public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
            Comparator<OutboundEvent> newestFirst = Comparator.comparing(OutboundEvent::createdAt)
                .thenComparing(e -> e.id().value()).reversed();
            List<OutboundEvent> matching = events.stream().filter(e -> matches(e, merchantId, filter))
                .filter(e -> after.map(c -> e.createdAt().isBefore(c.createdAt())
                    || e.createdAt().equals(c.createdAt()) && e.id().value().compareTo(c.eventId()) < 0).orElse(true))
                .sorted(newestFirst).limit(limit + 1L).toList();
            List<OutboundEvent> page = matching.stream().limit(limit).toList();
            return new Page(page, matching.size() > limit
                ? Optional.of(new Cursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id().value()))
                : Optional.empty());
        }

        @Override
        public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
            return events.stream().filter(e -> matches(e, merchantId, filter))
                .sorted(Comparator.comparing(OutboundEvent::createdAt))
                .flatMap(e -> deliveries.ofEvent(e.id()).stream())
                .filter(d -> filter.subscriptionId().map(d.subscriptionId()::equals).orElse(true))
                .filter(d -> filter.status().map(d.status()::equals).orElse(true))
                .limit(max).toList();
        }

        @Override
        public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, Set<String> eventTypes, Filter filter, int max) {
            return List.of();
        }
    }

    OutboundEvent event(int n, String merchant, Instant at) {
        EventId id = new EventId(HexFormat.of().formatHex(new byte[31]) + String.format("%02x", n));
        OutboundEvent event = OutboundEvent.create(id, merchant, "transaction.sale.success", "{\"n\":" + n + "}", at, null, null);
        outbox.append(event);
        events.add(event);
        return event;
    }

    InboundNotification notification(String id, String merchant, ProviderId provider, String key, Instant at) {
        InboundNotification n = InboundNotification.register(id, provider, new NotificationKey(key), merchant, "jp",
            ("{\"pspReference\":\"" + key + "\",\"amount\":{\"value\":500}}").getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("content-type", "application/json", "authorization", "Basic c2VjcmV0",
                "hmac-signature", "abc=")), VerificationResult.verified(), at);
        notifications.store(n);
        return notifications.byId(id).orElseThrow();
    }

    List<String> all(EventFilter filter, int pageSize) {
        KeysetPages<EventRow, EventPage.Mark> pages = new KeysetPages<>(after -> {
            EventPage page = model.events(filter, after, pageSize);
            return new KeysetPages.Page<>(page.rows(), page.next());
        }, pageSize);
        return pages.fetch(0, 1000).stream().map(r -> (r.inbound() ? "in:" : "out:") + r.id().substring(r.id().length() - 2))
            .toList();
    }

    @Test
    void eventsAndNotificationsShareOneGridNewestFirstPagedByKeyWithoutGapsOrRepeats() {
        // interleaved times, a tie between the two sources, and another merchant's rows that never show
        for (int i = 0; i < 7; i++) {
            event(i, "m-1", T0.plusSeconds(i * 10L));
        }
        for (int i = 0; i < 5; i++) {
            notification("n-" + i + "0", "m-1", ProviderId.ADYEN, "adyen:PSP" + i, T0.plusSeconds(i * 15L));
        }
        event(99, "m-2", T0.plusSeconds(5));
        notification("n-99", "m-2", ProviderId.ADYEN, "adyen:other", T0.plusSeconds(5));

        List<String> expected = List.of("out:06", "in:40", "out:05", "in:30", "out:04", "out:03", "in:20", "out:02",
            "in:10", "out:01", "out:00", "in:00");
        assertEquals(expected, all(EventFilter.none(), 100));
        for (int pageSize : new int[] {1, 2, 3, 5}) {
            assertEquals(expected, all(EventFilter.none(), pageSize), "pages of " + pageSize);
        }
        assertEquals(List.of("in:40", "in:30", "in:20", "in:10", "in:00"),
            all(new EventFilter("INBOUND", null, null, null, null, null, null, null), 2));
        assertEquals(7, all(new EventFilter("OUTBOUND", null, null, null, null, null, null, null), 2).size());
    }

    @Test
    void aFilterOnlyOneSourceKnowsNarrowsToThatSource() {
        event(1, "m-1", T0);
        notification("n-1", "m-1", ProviderId.ADYEN, "adyen:PSP1:AUTHORISATION", T0.plusSeconds(1));
        notification("n-2", "m-1", ProviderId.WALLEY, "walley:order:created:o-2", T0.plusSeconds(2));

        assertEquals(List.of("in:-1"), all(new EventFilter(null, "adyen", null, null, null, null, null, null), 50), "provider");
        assertEquals(List.of("in:-2", "in:-1"), all(new EventFilter(null, null, null, null, "RECEIVED", null, null, null), 50),
            "a processing status");
        assertEquals(List.of("out:01"), all(new EventFilter(null, null, null, null, "PENDING", null, null, null), 50),
            "a delivery status");
        assertEquals(List.of("out:01"), all(new EventFilter(null, null, "transaction.sale.success", null, null, null, null, null), 50),
            "an event type");
        assertEquals(List.of("in:-1"), all(new EventFilter(null, null, null, null, null, null, null, "PSP1"), 50),
            "free text in a notification's key; no outbound event has it");
        assertEquals(List.of("in:-2"), all(new EventFilter(null, null, null, null, null, T0.plusSeconds(2), null, null), 50),
            "time range");
        assertThrows(InvalidField.class, () -> model.events(
            new EventFilter(null, "no-such-provider", null, null, null, null, null, null), Optional.empty(), 10));
        assertThrows(InvalidField.class, () -> model.events(
            new EventFilter(null, null, null, null, null, T0, T0, null), Optional.empty(), 10));
    }

    @Test
    void aNotificationsDetailShowsBodyMaskedHeadersOutcomeAndItsTransaction() {
        InboundNotification n = notification("n-1", "m-1", ProviderId.ADYEN, "adyen:PSP1:AUTHORISATION", T0);
        n.markProcessed(TransactionId.of("tx-42"), T0.plusSeconds(1));
        notifications.update(n);

        NotificationDetails details = model.notification("n-1");
        assertEquals("Adyen", details.providerName());
        assertEquals("PROCESSED", details.status());
        assertEquals(1, details.attempts());
        assertEquals("tx-42", details.transactionId());
        assertEquals("VERIFIED", details.verification());
        assertEquals(Map.of("content-type", "application/json", "authorization", NotificationHeaders.MASK,
            "hmac-signature", NotificationHeaders.MASK), details.maskedHeaders());
        assertTrue(details.prettyBody().contains("\"pspReference\": \"adyen:PSP1:AUTHORISATION\""), details.prettyBody());
        assertTrue(details.prettyBody().contains("\n"), "pretty-printed");
        assertTrue(details.replayNote().startsWith("Processed: final."), details.replayNote());

        notification("n-2", "m-2", ProviderId.ADYEN, "adyen:other", T0);
        assertThrows(NotFound.class, () -> model.notification("n-2"), "another merchant's notification");
        assertThrows(NotFound.class, () -> model.notification("nope"));
    }

    @Test
    void viewersSeeTheBodyWithPersonalDataRedactedThoseWhoMayChangeSeeItAsItArrived() {
        InboundNotification n = InboundNotification.register("n-9", ProviderId.ADYEN, new NotificationKey("adyen:PSP9"), "m-1",
            "jp", "{\"pspReference\":\"PSP9\",\"shopperName\":\"Anna Berg\"}".getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("content-type", "application/json")), VerificationResult.verified(), T0);
        notifications.store(n);

        NotificationDetails asViewer = model.notification("n-9");
        assertTrue(asViewer.personalDataMasked());
        assertFalse(asViewer.prettyBody().contains("Anna Berg"), asViewer.prettyBody());
        assertTrue(asViewer.prettyBody().contains("[redacted]"), asViewer.prettyBody());
        assertTrue(asViewer.prettyBody().contains("PSP9"));

        console.signIn("dev", "DEVELOPER");
        NotificationDetails asDeveloper = model.notification("n-9");
        assertFalse(asDeveloper.personalDataMasked());
        assertTrue(asDeveloper.prettyBody().contains("Anna Berg"), asDeveloper.prettyBody());
    }

    @Test
    void aFailedNotificationShowsItsLastErrorAndWhyItIsNotReplayed() {
        InboundNotification n = notification("n-1", "m-1", ProviderId.WALLEY, "walley:x", T0);
        n.markFailed("IllegalStateException: database unavailable", T0.plusSeconds(1));
        notifications.update(n);
        NotificationDetails failed = model.notification("n-1");
        assertEquals("FAILED", failed.status());
        assertEquals("IllegalStateException: database unavailable", failed.statusReason());
        assertEquals("", failed.transactionId());
        assertTrue(failed.replayNote().contains("retry loop tries it again"), failed.replayNote());

        InboundNotification forged = InboundNotification.register("n-3", ProviderId.WALLEY, new NotificationKey("walley:forged"),
            "m-1", "jp", new byte[] {(byte) 0xff, 0}, NotificationHeaders.none(), VerificationResult.failed("HMAC mismatch"), T0);
        notifications.store(forged);
        NotificationDetails refused = model.notification("n-3");
        assertEquals("HMAC mismatch", refused.verificationFailure());
        assertEquals("(2 bytes, not UTF-8 text)", refused.prettyBody());
        assertTrue(refused.replayNote().startsWith("Refused by verification"), refused.replayNote());
    }

    @Test
    void bulkReplayCountsNothingForAnInboundOnlyFilter() {
        assertEquals(0, model.countReplayable(new EventFilter("INBOUND", null, null, null, null, null, null, null)));
        assertEquals(0, model.countReplayable(new EventFilter(null, "adyen", null, null, null, null, null, null)));
        assertFalse(EventLogModel.isNotificationStatus("DEAD"));
        assertTrue(EventLogModel.isNotificationStatus("PROCESSED"));
        assertEquals(7, model.eventLogStatuses().size());
    }

    @Test
    void viewersReplayNothingTheUseCaseRefuses() {
        OutboundEvent event = event(1, "m-1", T0);

        assertFalse(model.mayChange());
        assertThrows(dev.payhooks.admin.NotAllowed.class, () -> model.replayEvent(event.id().value(), false));
        assertThrows(dev.payhooks.admin.NotAllowed.class, () -> model.replayEvent(event.id().value(), true));
        assertThrows(dev.payhooks.admin.NotAllowed.class, () -> model.replayEventTo(event.id().value(), "s-1"));
        assertThrows(dev.payhooks.admin.NotAllowed.class, () -> model.replayMatching(EventFilter.none()));
    }

    @Test
    void payloadsArePrettyPrintedAndNonJsonIsShownAsItIs() {
        assertEquals("{\n    \"a\": 1\n}", EventPayloads.prettyJson("{\"a\":1}").replace("\r", ""));
        assertEquals("not json", EventPayloads.prettyJson("not json"));
    }

    /** A delivery of the event to the webhook, dead after its schedule ran out. */
    Delivery deadDelivery(OutboundEvent event, String webhook) {
        Delivery dead = Delivery.schedule("d-" + webhook + "-" + event.id().value().substring(60), event.id(), webhook, "m-1", T0);
        dead.abandon("no success after 8 attempts", T0);
        deliveries.add(dead);
        return dead;
    }

    @Test
    void aCorrelationIdShowsInTheDetailsAndFindsTheNotificationAndTheEventsOfItsRequest() {
        InboundNotification traced;
        OutboundEvent published;
        try (Correlation.Unit request = Correlation.open(Optional.of(new CorrelationId("it-trail")))) {
            traced = notification("n-1", "m-1", ProviderId.ADYEN, "adyen:PSP1:AUTHORISATION", T0);
            published = event(0xd4, "m-1", T0.plusSeconds(2));
        }
        notification("n-2", "m-1", ProviderId.ADYEN, "adyen:PSP2:AUTHORISATION", T0.plusSeconds(1));
        OutboundEvent untraced = event(0xe5, "m-1", T0.plusSeconds(3));

        assertEquals("it-trail", model.notification(traced.id()).correlationId());
        assertEquals("it-trail", model.event(published.id().value()).correlationId());
        assertEquals("", model.notification("n-2").correlationId(), "none when it was stored without one");
        assertEquals("", model.event(untraced.id().value()).correlationId());
        assertEquals(List.of("out:d4", "in:-1"), all(new EventFilter(null, null, null, null, null, null, null, " it-trail "), 50),
            "the request's notification and the event applying it published");
        assertEquals(List.of(), all(new EventFilter(null, null, null, null, null, null, null, "it-trai"), 50), "exactly");
    }

    @Test
    void freeTextFindsEventsByAnyPartOfTheirIdInAnyCaseAndBulkReplayTakesOnlyThose() {
        OutboundEvent first = event(0xa1, "m-1", T0);
        OutboundEvent second = event(0xb2, "m-1", T0.plusSeconds(1));
        deadDelivery(first, "s-1");
        deadDelivery(second, "s-1");
        Delivery succeeded = Delivery.schedule("d-ok", first.id(), "s-2", "m-1", T0);
        succeeded.succeeded(new dev.payhooks.domain.outbound.DeliveryAttempt(1, T0, java.time.Duration.ofMillis(3), 200, null, null, true));
        deliveries.add(succeeded);
        console.signIn("dev", "DEVELOPER");
        EventFilter byPart = new EventFilter(null, null, null, null, null, null, null, "00A1");

        assertEquals(List.of("out:a1"), all(byPart, 50), "part of the id, upper case");
        assertEquals(1, model.countReplayable(byPart), "the dead letter of the one event shown, not every dead letter");
        assertEquals(1, model.replayMatching(byPart).replayed());

        assertEquals(DeliveryStatus.PENDING, deliveries.byId("m-1", "d-s-1-00a1").orElseThrow().status());
        assertEquals(DeliveryStatus.DEAD, deliveries.byId("m-1", "d-s-1-00b2").orElseThrow().status(), "another event's");
        assertEquals(DeliveryStatus.SUCCEEDED, deliveries.byId("m-1", "d-ok").orElseThrow().status(), "not a dead letter");
        assertEquals(1, model.countReplayable(EventFilter.none()), "without free text: the other event's dead letter");
    }

    @Test
    void anEventIsReplayedToItsFailedWebhooksToAllOnlyWhenAskedOrToOneChosenWebhook() {
        OutboundEvent event = event(0xc3, "m-1", T0);
        deadDelivery(event, "s-1");
        Delivery succeeded = Delivery.schedule("d-ok", event.id(), "s-2", "m-1", T0);
        succeeded.succeeded(new dev.payhooks.domain.outbound.DeliveryAttempt(1, T0, java.time.Duration.ofMillis(3), 200, null, null, true));
        deliveries.add(succeeded);
        console.signIn("dev", "DEVELOPER");

        assertEquals(1, model.replayEvent(event.id().value(), false));
        assertEquals(DeliveryStatus.SUCCEEDED, deliveries.byId("m-1", "d-ok").orElseThrow().status(), "it already got the event");
        assertEquals(0, model.replayEvent(event.id().value(), false), "nothing failed any more");
        assertEquals(1, model.replayEventTo(event.id().value(), "s-2"));
        assertEquals(DeliveryStatus.PENDING, deliveries.byId("m-1", "d-ok").orElseThrow().status());
        assertEquals(0, model.replayEvent(event.id().value(), true), "both are pending now");
    }
}
