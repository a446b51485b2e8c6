package dev.payhooks.app.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimLoopTest {

    /** Long enough that only wake-ups start claims in these tests. */
    static final Duration POLL = Duration.ofMinutes(10);

    final ClaimWakeup wakeup = new ClaimWakeup();
    final List<Integer> limits = new CopyOnWriteArrayList<>();
    ClaimLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void aWakeUpWhileAClaimIsUnderWayStartsAnotherClaimAtOnce() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        loop = new ClaimLoop(wakeup, POLL, 100, () -> 420, limit -> {
            if (calls.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst); // the first claim waits for the database
            } else {
                secondStarted.countDown();
            }
            return 0;
        });
        loop.start(Thread::new, 3);
        wakeup.wake();
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        wakeup.wake(); // a publish commits while the first claim is under way
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS), "its deliveries are claimed now, not after the first claim returns");
        releaseFirst.countDown();
    }

    @Test
    void theClaimsUnderWayTogetherTakeNoMoreThanTheLanesHaveRoomFor() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        loop = new ClaimLoop(wakeup, POLL, 100, () -> 150, limit -> {
            limits.add(limit);
            if (limits.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            } else {
                secondDone.countDown();
            }
            return 0;
        });
        loop.start(Thread::new, 2);
        wakeup.wake();
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        wakeup.wake();
        assertTrue(secondDone.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(100, 50), limits, "150 places: the first claim reserved 100 of them, the second gets the rest");
        releaseFirst.countDown();
    }

    @Test
    void fullClaimsRepeatUntilOneComesBackShortAndEachBringsAnIdleClaimerIn() {
        AtomicInteger due = new AtomicInteger(250);
        loop = new ClaimLoop(wakeup, POLL, 100, () -> 420, limit -> {
            limits.add(limit);
            int claimed = Math.min(limit, due.get());
            due.addAndGet(-claimed);
            return claimed;
        });
        loop.claimWhileFull();
        assertEquals(List.of(100, 100, 100), limits, "100, 100, then 50 of 100: nothing more due");
        assertEquals(0, due.get());
    }

    @Test
    void noRoomNoClaimAndAFailedClaimGivesItsReservationBack() {
        AtomicInteger room = new AtomicInteger(0);
        AtomicInteger calls = new AtomicInteger();
        loop = new ClaimLoop(wakeup, POLL, 100, room::get, limit -> {
            limits.add(limit);
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return 0;
        });
        loop.claimWhileFull();
        assertEquals(List.of(), limits, "the lanes are full: nothing is claimed");
        room.set(30);
        loop.claimWhileFull();
        loop.claimWhileFull();
        assertEquals(List.of(30, 30), limits, "the failed claim's 30 places are free again");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
