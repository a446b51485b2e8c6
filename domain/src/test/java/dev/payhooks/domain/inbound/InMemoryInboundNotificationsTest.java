package dev.payhooks.domain.inbound;

import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fake behaves like the database adapter in what callers rely on. */
class InMemoryInboundNotificationsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static InboundNotification arrived(String id, String key, Instant at) {
        return InboundNotification.register(id, ProviderId.ADYEN, new NotificationKey(key), null, null, new byte[] {1},
            NotificationHeaders.none(), VerificationResult.verified(), at);
    }

    @Test
    void duplicatesStaleUpdatesAndOrder() {
        InMemoryInboundNotifications notifications = new InMemoryInboundNotifications();
        assertEquals(InboundNotifications.StoreResult.stored("n-1"), notifications.store(arrived("n-1", "a", T0.plusSeconds(1))));
        assertEquals(InboundNotifications.StoreResult.duplicateOf("n-1"), notifications.store(arrived("n-2", "a", T0)));
        notifications.store(arrived("n-3", "b", T0));

        InboundNotification first = notifications.byId("n-1").orElseThrow();
        InboundNotification second = notifications.byId("n-1").orElseThrow();
        first.markProcessed(T0.plusSeconds(2));
        notifications.update(first);
        second.markFailed("late", T0.plusSeconds(3));
        assertThrows(IllegalStateException.class, () -> notifications.update(second));
        assertEquals(1, notifications.byId("n-1").orElseThrow().version());

        assertEquals(List.of("n-3"), notifications.awaitingProcessing(10).stream().map(InboundNotification::id).toList());
    }
}
