package dev.payhooks.app.delivery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneSlotsTest {

    static int acquireAll(LaneSlots slots) {
        int taken = 0;
        while (slots.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    @Test
    void anAnsweringEndpointGetsTheFullLimit() {
        LaneSlots slots = new LaneSlots(20);
        assertEquals(20, acquireAll(slots));
        slots.release(true);
        assertEquals(1, acquireAll(slots), "a finished attempt frees exactly its slot");
        assertEquals(20, slots.inFlight());
    }

    @Test
    void anEndpointWithoutAnswerIsProbedOneAttemptAtATimeUntilItAnswers() {
        LaneSlots slots = new LaneSlots(20);
        assertEquals(20, acquireAll(slots));
        slots.release(false); // the first timeout: nothing new starts while 19 are still out
        assertFalse(slots.tryAcquire());
        for (int i = 0; i < 19; i++) {
            slots.release(false);
        }
        assertEquals(0, slots.inFlight());
        assertEquals(LaneSlots.PROBING, acquireAll(slots), "one probe at a time");
        slots.release(false);
        assertEquals(LaneSlots.PROBING, acquireAll(slots));
        slots.release(true); // it answers again: back to the full limit
        assertEquals(20, acquireAll(slots));
    }

    @Test
    void aSlotGivenBackUnusedLeavesTheEndpointsStateAlone() {
        LaneSlots slots = new LaneSlots(5);
        assertTrue(slots.tryAcquire());
        slots.release(false);
        assertTrue(slots.tryAcquire());
        slots.giveBack();
        assertEquals(1, acquireAll(slots), "still probing");
    }

    @Test
    void theLimitHoldsUnderConcurrentAcquisition() throws Exception {
        LaneSlots slots = new LaneSlots(7);
        AtomicInteger taken = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    if (slots.tryAcquire()) {
                        taken.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(7, taken.get());
        assertEquals(7, slots.inFlight());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LaneSlots(0));
    }
}
