package dev.payhooks.app.it;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * How the integration tests wait for asynchronous work (a delivery, a state change, a server
 * getting ready): they read the condition again and again until it holds or a deadline passes,
 * then assert on what they read last.
 */
public final class Eventually {

    /** One reading of what the test waits for; may fail (e.g. a server that does not listen yet). */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    /** The first value of {@code probe} that {@code done} accepts; once {@code timeout} has passed, the last value read. */
    public static <T> T poll(Duration timeout, Probe<T> probe, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.read();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE_MILLIS);
            value = probe.read();
        }
        return value;
    }

    /** Whether {@code condition} held within {@code timeout}. */
    public static boolean holds(Duration timeout, Probe<Boolean> condition) throws Exception {
        return poll(timeout, condition, Boolean::booleanValue);
    }
}
