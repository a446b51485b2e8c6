package dev.payhooks.adapters.notifications;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-process {@link NotificationEndpoint.Inbox}: a store wakes every worker that applies what
 * is stored (each applies lanes of its own, and any of them may hold the stored notification), so
 * a notification is applied moments after its acknowledgement instead of at the worker's next
 * poll. Wake-ups that arrive while a worker is busy fold into one: the worker reads every due row
 * of its lanes from the database anyway.
 */
public final class InboxWakeup implements NotificationEndpoint.Inbox {

    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    @Override
    public void stored(List<String> notificationIds) {
        for (Waiter waiter : waiters) {
            waiter.wake();
        }
    }

    /** A worker's own wake-up: each store from now on wakes it once. */
    public Waiter waiter() {
        Waiter waiter = new Waiter();
        waiters.add(waiter);
        return waiter;
    }

    /** One worker's wake-up. */
    public static final class Waiter {

        private final Semaphore pending = new Semaphore(0);

        private Waiter() {
        }

        private void wake() {
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
}
