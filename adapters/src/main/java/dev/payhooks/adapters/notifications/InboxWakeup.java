package dev.payhooks.adapters.notifications;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-process {@link NotificationEndpoint.Inbox}: a store wakes the worker that applies what
 * is stored, so a notification is applied moments after its acknowledgement instead of at the
 * worker's next poll. Wake-ups that arrive while the worker is busy fold into one: the worker
 * reads every due row from the database anyway.
 */
public final class InboxWakeup implements NotificationEndpoint.Inbox {

    private final Semaphore pending = new Semaphore(0);

    @Override
    public void stored(List<String> notificationIds) {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until something was stored since the last wait, or {@code atMost} passed; true when woken. */
    public boolean await(Duration atMost) throws InterruptedException {
        boolean woken = pending.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
