package dev.payhooks.domain.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class OutboundEventTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456789Z");
    private static final String PAYLOAD = "{\"type\":\"event\",\"event_type\":\"transaction.sale.success\"}";

    @Test
    void eventIdsSpellTheirBytesInLowerCaseHex() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xe0 + i);
        }
        assertEquals("e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", EventId.fromBytes(bytes).value());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33})
    void eventIdsNeedExactly32Bytes(int length) {
        assertThrows(IllegalArgumentException.class, () -> EventId.fromBytes(new byte[length]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEFF0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF",
        "g0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"})
    void eventIdsAre64LowerCaseHexCharacters(String value) {
        assertThrows(IllegalArgumentException.class, () -> new EventId(value));
    }

    @Test
    void theSecureRandomGeneratorMakesDistinctValidIds() {
        EventIdGenerator ids = EventIdGenerator.secureRandom();
        Set<EventId> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void anEventKeepsWhatItWasGiven() {
        EventId id = EventId.fromBytes(new byte[32]);
        OutboundEvent event = OutboundEvent.create(id, "m-1", "transaction.sale.success", PAYLOAD, NOW, "idem-1",
            "transaction:t-1");
        assertEquals(id, event.id());
        assertEquals("m-1", event.merchantId());
        assertEquals("transaction.sale.success", event.eventType());
        assertEquals(PAYLOAD, event.payloadJson());
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), event.createdAt());
        assertEquals(Optional.of("idem-1"), event.idempotencyKey());
        assertEquals(Optional.of("transaction:t-1"), event.source());
        assertEquals(new OutboxPosition(event.createdAt(), id), event.position());
    }

    @Test
    void idempotencyKeyAndSourceAreOptional() {
        OutboundEvent event = OutboundEvent.create(EventId.fromBytes(new byte[32]), "m-1", "ach.settled", PAYLOAD, NOW, null, null);
        assertEquals(Optional.empty(), event.idempotencyKey());
        assertEquals(Optional.empty(), event.source());
    }

    @Test
    void invalidEventsAreRefused() {
        EventId id = EventId.fromBytes(new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, "m-1", " ", PAYLOAD, NOW, null, null));
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, "m-1", "t".repeat(101), PAYLOAD, NOW, null, null));
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, "m-1", "ach.settled", "  ", NOW, null, null));
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, null, "ach.settled", PAYLOAD, NOW, null, null));
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, "m-1", "ach.settled", PAYLOAD, NOW, "", null));
        assertThrows(IllegalArgumentException.class, () -> OutboundEvent.create(id, "m-1", "ach.settled", PAYLOAD, NOW, "k".repeat(256), null));
        assertThrows(NullPointerException.class, () -> OutboundEvent.create(null, "m-1", "ach.settled", PAYLOAD, NOW, null, null));
        assertThrows(NullPointerException.class, () -> OutboundEvent.create(id, "m-1", "ach.settled", PAYLOAD, null, null, null));
        assertEquals(100, OutboundEvent.create(id, "m-1", "t".repeat(100), PAYLOAD, NOW, null, null).eventType().length());
    }

    @Test
    void toStringLeavesThePayloadOut() {
        OutboundEvent event = OutboundEvent.create(EventId.fromBytes(new byte[32]), "m-1", "ach.settled",
            "{\"card\":\"4111\"}", NOW, null, null);
        assertFalse(event.toString().contains("4111"));
    }

    @Test
    void theStartComesBeforeEveryEvent() {
        assertTrue(OutboxPosition.START.createdAt().isBefore(NOW));
        assertEquals("0".repeat(64), OutboxPosition.START.eventId().value());
    }
}
