package dev.payhooks.domain.trace;

import java.util.Optional;

/**
 * The correlation id of the work at hand on this thread. Whoever owns a unit of work opens it
 * around the unit and closes it afterwards: the HTTP filter around each request, the inbox worker
 * around each stored notification, the delivery engine around each attempt. Inside, new inbox
 * rows and new outbound events record the current id, and every log line of the hub carries it.
 *
 * <p>Work that runs later on another thread takes the id from what it reads (the inbox row, the
 * event), never from the thread that stored it: {@link #adopt} makes it current for the rest of
 * the enclosing unit.
 */
public final class Correlation {

    private static final ThreadLocal<CorrelationId> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** A unit of work; closing it restores what was current before it was opened. */
    public interface Unit extends AutoCloseable {
        @Override
        void close();
    }

    /** The id of the work at hand on this thread, if any. */
    public static Optional<CorrelationId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Opens a unit of work with this id (or none yet, for work that learns its id from what it reads). */
    public static Unit open(Optional<CorrelationId> id) {
        CorrelationId before = CURRENT.get();
        set(id.orElse(null));
        return () -> set(before);
    }

    /** Makes the id current for the rest of the enclosing unit (nothing when absent). */
    public static void adopt(Optional<CorrelationId> id) {
        id.ifPresent(CURRENT::set);
    }

    private static void set(CorrelationId id) {
        if (id == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(id);
        }
    }
}
