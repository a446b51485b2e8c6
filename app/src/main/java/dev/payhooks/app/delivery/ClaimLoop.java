package dev.payhooks.app.delivery;

import dev.payhooks.adapters.api.SafeErrors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The claimer threads of the {@link DeliveryScheduler}. Each waits for a wake-up
 * ({@link ClaimWakeup}), the first of them at most the poll interval, then claims. A claim
 * spends most of its time waiting
 * for the database (the locking select, the claim, the events and subscriptions, the commit), so
 * one claimer alone can fall behind the publishers and leave committed deliveries in the table
 * until its claims catch up. Several claimers overlap: a wake-up that arrives while a claim is
 * under way starts another claim at once on an idle claimer (SKIP LOCKED keeps them apart), and a
 * claim that came back full wakes an idle claimer before it claims again, so a backlog is taken
 * by all of them together.
 *
 * <p>Together the claims under way take no more than the lanes have room for: each claim reserves
 * its limit out of the free room ({@code room}) until its deliveries are in their lanes.
 */
final class ClaimLoop {

    private static final Logger LOG = Logger.getLogger(ClaimLoop.class.getName());

    /** One claim of at most {@code limit} deliveries, handed to their lanes before it returns; how many it claimed. */
    @FunctionalInterface
    interface Claim {
        int claim(int limit);
    }

    /** How long a claimer other than the first waits for a wake-up: only the first polls, so an idle instance claims once per interval. */
    private static final Duration IDLE_WAIT = Duration.ofMinutes(10);

    /** Claims in a row at most, per wake-up, while they come back full. */
    static final int MAX_CLAIMS_PER_WAKE = 10;

    private final ClaimWakeup wakeup;
    private final Duration poll;
    private final int batchSize;
    private final IntSupplier room;
    private final Claim claim;
    private final List<Thread> claimers = new ArrayList<>();
    /** The limits of the claims under way: room they may fill that the lanes do not show yet. */
    private int reserved;
    private volatile boolean stopped;
    /** Whether the last claim came back full: more may be due. */
    private volatile boolean moreDue = true;

    /**
     * @param room      free places in the lanes at the moment asked (the claims under way not counted)
     * @param batchSize at most this many deliveries per claim
     */
    ClaimLoop(ClaimWakeup wakeup, Duration poll, int batchSize, IntSupplier room, Claim claim) {
        this.wakeup = wakeup;
        this.poll = poll;
        this.batchSize = batchSize;
        this.room = room;
        this.claim = claim;
    }

    /** Starts {@code count} claimer threads named {@code payhooks-delivery-claimer[-n]}. */
    void start(ThreadFactory threads, int count) {
        for (int i = 0; i < count; i++) {
            Duration wait = i == 0 ? poll : IDLE_WAIT;
            Thread claimer = threads.newThread(() -> run(wait));
            claimer.setName(i == 0 ? "payhooks-delivery-claimer" : "payhooks-delivery-claimer-" + (i + 1));
            claimer.setDaemon(true);
            claimers.add(claimer);
            claimer.start();
        }
    }

    /** The claimers end after the claims under way. */
    void stop() {
        stopped = true;
        claimers.forEach(Thread::interrupt);
    }

    /** Whether the last claim came back full, so a lane with room again may wake a claimer. */
    boolean moreDue() {
        return moreDue;
    }

    private void run(Duration wait) {
        while (!stopped) {
            try {
                wakeup.await(wait);
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) {
                claimWhileFull();
            }
        }
    }

    /** Claims until a claim comes back with less than its limit (nothing more due), at most {@link #MAX_CLAIMS_PER_WAKE} times. */
    void claimWhileFull() {
        for (int round = 0; round < MAX_CLAIMS_PER_WAKE && !stopped; round++) {
            int limit = reserve();
            if (limit == 0) {
                return; // the lanes are full, or the claims under way fill them; a lane with room again wakes a claimer
            }
            int claimed;
            try {
                claimed = claim.claim(limit);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery claim failed; the next wake-up or poll retries", SafeErrors.loggable(e));
                return;
            } finally {
                release(limit);
            }
            moreDue = claimed >= limit;
            if (!moreDue) {
                return;
            }
            wakeup.wake(); // more is due: an idle claimer joins in while this one claims again
        }
    }

    private synchronized int reserve() {
        int limit = Math.max(0, Math.min(batchSize, room.getAsInt() - reserved));
        reserved += limit;
        return limit;
    }

    private synchronized void release(int limit) {
        reserved -= limit;
    }
}
