package dev.payhooks.app.schedule;

import dev.payhooks.adapters.api.SafeErrors;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work a startup singleton repeats with a fixed delay between runs, from its start until its
 * stop. A run that fails is logged without the failure's personal data, and the next run goes on.
 */
public final class RepeatingWork {

    private ScheduledFuture<?> loop;

    /** Runs {@code work} after {@code first}, then again {@code every} after each run ends. */
    public void start(ScheduledExecutorService scheduler, Runnable work, long first, long every, TimeUnit unit) {
        loop = scheduler.scheduleWithFixedDelay(work, first, every, unit);
    }

    /** Ends the repetition (a run under way finishes); nothing to do when it never started. */
    public void stop() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    /** Runs {@code part}; when it fails, logs {@code failure} as a warning and returns. */
    public static void attempt(Logger log, String failure, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, failure, SafeErrors.loggable(e));
        }
    }
}
