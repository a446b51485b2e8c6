package dev.payhooks.app.delivery;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many attempts one subscription may have in flight in this instance. An endpoint that
 * answers (any status: it is there and quick to say so) gets the full per-endpoint limit; one
 * whose last attempt got no answer at all (timeout, refused, DNS, TLS) is probed with a single
 * attempt until it answers again. A dead endpoint thus holds one worker thread for its timeout,
 * not twenty, and a handful of them cannot take every worker from the healthy ones.
 */
final class LaneSlots {

    /** In flight at once while the endpoint does not answer. */
    static final int PROBING = 1;

    private final int full;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean answering = true;

    LaneSlots(int full) {
        if (full < 1) {
            throw new IllegalArgumentException("the per-endpoint limit must be at least 1");
        }
        this.full = full;
    }

    /** Takes a slot if the current limit allows one more attempt. */
    boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (now >= limit()) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives a slot back; {@code answered} whether the attempt it carried got an HTTP answer. */
    void release(boolean answered) {
        answering = answered;
        inFlight.decrementAndGet();
    }

    /** Gives back a slot that carried no attempt (nothing was waiting after all). */
    void giveBack() {
        inFlight.decrementAndGet();
    }

    int limit() {
        return answering ? full : Math.min(full, PROBING);
    }

    int inFlight() {
        return inFlight.get();
    }
}
