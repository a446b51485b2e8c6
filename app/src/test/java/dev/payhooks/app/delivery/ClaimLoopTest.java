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

    /** Claims that find nothing; the first waits (for the database) until released, every later one counts down {@code later}. */
    final class FirstClaimWaits implements ClaimLoop.Claim {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch later = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);

        @Override
        public int claim(int limit) {
            limits.add(limit);
            if (limits.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            } else {
                later.countDown();
            }
            return 0;
        }

        /** Wakes a claimer, waits for its claim to start, then wakes again (a publish commits meanwhile). */
        boolean secondClaimStartsWhileTheFirstWaits() throws InterruptedException {
            wakeup.wake();
            assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
            wakeup.wake();
            boolean started = later.await(30, TimeUnit.SECONDS);
            releaseFirst.countDown();
            return started;
        }
    }

    @Test
    void aWakeUpWhileAClaimIsUnderWayStartsAnotherClaimAtOnce() throws Exception {
        FirstClaimWaits claims = new FirstClaimWaits();
        loop = new ClaimLoop(wakeup, POLL, 100, () -> 420, claims);
        loop.start(Thread::new, 3);
        assertTrue(claims.secondClaimStartsWhileTheFirstWaits(), "its deliveries are claimed at once, not after the first claim returns");
    }

    @Test
    void theClaimsUnderWayTogetherTakeNoMoreThanTheLanesHaveRoomFor() throws Exception {
        FirstClaimWaits claims = new FirstClaimWaits();
        loop = new ClaimLoop(wakeup, POLL, 100, () -> 150, claims);
        loop.start(Thread::new, 2);
        assertTrue(claims.secondClaimStartsWhileTheFirstWaits());
        assertEquals(List.of(100, 50), limits, "150 places: the first claim reserved 100 of them, the second gets the rest");
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
