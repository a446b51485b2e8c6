package dev.payhooks.domain.trace;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "it-0f3a", "req_42.retry:1", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-"})
    void aSaneTokenIsTakenAsItIs(String header) {
        String sane = header.length() > 64 ? header.substring(0, 64) : header;
        assertEquals(Optional.of(new CorrelationId(sane)), CorrelationId.parse(sane));
        assertEquals(sane, CorrelationId.fromHeaderOrFresh(sane).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " it-1", "it 1", "it-1\r\nX-Injected: yes", "<script>", "é", "a/b", "a\"b", "a;b",
        "12345678901234567890123456789012345678901234567890123456789012345"})
    void anythingElseIsIgnoredAndAFreshIdMade(String header) {
        assertEquals(Optional.empty(), CorrelationId.parse(header));
        CorrelationId made = CorrelationId.fromHeaderOrFresh(header);
        assertNotEquals(header, made.value());
        assertTrue(made.value().matches("[0-9a-f-]{36}"), made.value());
        assertThrows(IllegalArgumentException.class, () -> new CorrelationId(header));
    }

    @Test
    void noHeaderGetsAFreshIdEveryTime() {
        assertEquals(Optional.empty(), CorrelationId.parse(null));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertTrue(seen.add(CorrelationId.fromHeaderOrFresh(null).value()));
        }
    }

    @Test
    void aUnitMakesItsIdCurrentAndClosingRestoresTheOneBefore() {
        CorrelationId outer = new CorrelationId("outer");
        assertEquals(Optional.empty(), Correlation.current());
        try (Correlation.Unit request = Correlation.open(Optional.of(outer))) {
            assertEquals(Optional.of(outer), Correlation.current());
            try (Correlation.Unit item = Correlation.open(Optional.empty())) {
                assertEquals(Optional.empty(), Correlation.current());
                Correlation.adopt(Optional.of(new CorrelationId("stored")));
                assertEquals(Optional.of(new CorrelationId("stored")), Correlation.current());
                Correlation.adopt(Optional.empty());
                assertEquals(Optional.of(new CorrelationId("stored")), Correlation.current(), "nothing to adopt keeps the id");
            }
            assertEquals(Optional.of(outer), Correlation.current());
        }
        assertEquals(Optional.empty(), Correlation.current());
    }

    @Test
    void newInboxRowsAndEventsRecordTheCurrentIdAndNoneOutsideAUnit() {
        CorrelationId id = new CorrelationId("it-42");
        try (Correlation.Unit unit = Correlation.open(Optional.of(id))) {
            assertEquals(Optional.of(id), notification().correlationId());
            assertEquals(Optional.of(id), event().correlationId());
        }
        assertEquals(Optional.empty(), notification().correlationId());
        assertEquals(Optional.empty(), event().correlationId());
    }

    @Test
    void theNotificationSearchMatchesACorrelationIdExactly() {
        InboundNotification stored;
        try (Correlation.Unit unit = Correlation.open(Optional.of(new CorrelationId("Trace-77")))) {
            stored = notification();
        }
        assertTrue(filter("Trace-77").matches(stored));
        assertTrue(filter(" Trace-77 ").matches(stored), "the search box's blanks are trimmed");
        assertFalse(filter("Trace-7").matches(stored), "a part of a correlation id is not it");
        assertFalse(filter("trace-77").matches(stored), "correlation ids are compared as sent");
    }

    private static InboundNotifications.Filter filter(String text) {
        return new InboundNotifications.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(text));
    }

    private static InboundNotification notification() {
        return InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("k"), "m-1", "se",
            "{}".getBytes(), NotificationHeaders.of(Map.of()), VerificationResult.verified(), Instant.now());
    }

    private static OutboundEvent event() {
        return OutboundEvent.create(EventId.fromBytes(new byte[32]), "m-1", "transaction.sale.success", "{}", Instant.now(),
            null, "transaction:t-1");
    }
}
