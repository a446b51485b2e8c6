package dev.payhooks.app.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the {@link DeliveryScheduler}'s claimer before its next poll: a committed publish on this
 * instance (its deliveries are due at once) and a lane with room again both call {@link #wake}.
 * Wake-ups that arrive while the claimer is busy fold into one: each claim reads every due row anyway.
 */
@ApplicationScoped
public class ClaimWakeup {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken since the last wait, or {@code atMost} passed; true when woken. */
    boolean await(Duration atMost) throws InterruptedException {
        boolean woken = pending.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
