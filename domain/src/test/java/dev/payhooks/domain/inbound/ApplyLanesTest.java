package dev.payhooks.domain.inbound;

import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class ApplyLanesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void everyWorkerCountCoversEveryLaneExactlyOnce() {
        for (int workers = 1; workers <= ApplyLanes.COUNT; workers++) {
            List<Integer> covered = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                List<Integer> owned = ApplyLanes.ownedBy(worker, workers);
                assertFalse(owned.isEmpty(), "worker " + worker + " of " + workers + " owns a lane");
                covered.addAll(owned);
            }
            assertEquals(ApplyLanes.all(), covered.stream().sorted().toList(), workers + " workers");
        }
    }

    @Test
    void oneWorkerOwnsEveryLaneAndFourShareThemRoundRobin() {
        assertEquals(IntStream.range(0, ApplyLanes.COUNT).boxed().toList(), ApplyLanes.ownedBy(0, 1));
        assertEquals(List.of(1, 5, 9, 13), ApplyLanes.ownedBy(1, 4));
    }

    @Test
    void workerCountsOutsideOneToCountAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApplyLanes.ownedBy(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ApplyLanes.ownedBy(0, ApplyLanes.COUNT + 1));
        assertThrows(IllegalArgumentException.class, () -> ApplyLanes.ownedBy(4, 4));
        assertThrows(IllegalArgumentException.class, () -> ApplyLanes.ownedBy(-1, 4));
    }

    @Test
    void aKeyAlwaysGetsTheSameLaneAndKeysSpreadOverAllLanes() {
        // fixed values: a lane is stored, so it must not change between JVMs or releases
        assertEquals(ApplyLanes.of("8835566777889900"), ApplyLanes.of("8835566777889900"));
        assertEquals(ApplyLanes.of("order-1"), ApplyLanes.of(Optional.of("order-1")));
        assertEquals(ApplyLanes.NONE, ApplyLanes.of(Optional.empty()));
        Set<Integer> lanes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int lane = ApplyLanes.of("payment-" + i);
            assertTrue(lane >= 0 && lane < ApplyLanes.COUNT);
            lanes.add(lane);
        }
        assertEquals(ApplyLanes.COUNT, lanes.size());
    }

    @Test
    void aNotificationKeepsItsLaneAndOnlyKnownLanesAreStored() {
        InboundNotification stored = InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("k"), null, null,
            new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0, 7);
        assertEquals(7, stored.lane());
        assertEquals(ApplyLanes.NONE, InboundNotification.register("n-2", ProviderId.ADYEN, new NotificationKey("k"), null,
            null, new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0).lane());
        assertThrows(IllegalArgumentException.class, () -> InboundNotification.register("n-3", ProviderId.ADYEN,
            new NotificationKey("k"), null, null, new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0,
            ApplyLanes.COUNT));
    }

    @Test
    void dueNotificationsAreThoseOfTheAskedLanesOldestFirst() {
        InMemoryInboundNotifications inbox = new InMemoryInboundNotifications();
        inbox.store(InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("a"), null, null, new byte[] {1},
            NotificationHeaders.none(), VerificationResult.verified(), T0.plusSeconds(2), 1));
        inbox.store(InboundNotification.register("n-2", ProviderId.ADYEN, new NotificationKey("b"), null, null, new byte[] {1},
            NotificationHeaders.none(), VerificationResult.verified(), T0.plusSeconds(1), 2));
        inbox.store(InboundNotification.register("n-3", ProviderId.ADYEN, new NotificationKey("c"), null, null, new byte[] {1},
            NotificationHeaders.none(), VerificationResult.verified(), T0, 5));
        Instant later = T0.plusSeconds(60);
        assertEquals(List.of("n-3", "n-1"), inbox.dueForProcessing(later, later, ApplyLanes.ownedBy(1, 4), 10));
        assertEquals(List.of("n-2"), inbox.dueForProcessing(later, later, ApplyLanes.ownedBy(2, 4), 10));
        assertEquals(List.of("n-3", "n-2", "n-1"), inbox.dueForProcessing(later, later, 10));
    }
}
