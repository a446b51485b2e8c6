package dev.payhooks.domain.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The partitions of the inbox that an instance's workers apply side by side. A notification's
 * lane is fixed when it is stored, from the payment it is about ({@link #of}): every notification
 * of one payment is in the same lane, and one worker of an instance applies a lane, oldest
 * received first, so one payment's notifications are applied in their order within an instance
 * while other payments' are applied at the same time by the other workers.
 *
 * <p>The number of lanes is fixed ({@link #COUNT}); the number of workers is a setting of each
 * instance. Worker {@code w} of {@code n} applies the lanes {@code w, w + n, w + 2n, …}
 * ({@link #ownedBy}), so any number of workers from 1 to {@link #COUNT} covers every lane once.
 */
public final class ApplyLanes {

    /** Lanes in the inbox, 0 to {@code COUNT - 1}: the most workers an instance can use. */
    public static final int COUNT = 16;

    /** The lane of a notification that names no payment (and of every row stored without one). */
    public static final int NONE = 0;

    private ApplyLanes() {
    }

    /**
     * The lane of a notification about the payment named by {@code orderingKey} (the same key
     * always gives the same lane, on every instance and after a restart); {@link #NONE} without one.
     */
    public static int of(Optional<String> orderingKey) {
        return orderingKey.map(ApplyLanes::of).orElse(NONE);
    }

    /** The lane of {@code orderingKey}: a checksum of its UTF-8 bytes, stable across JVMs (unlike a string's hash code). */
    public static int of(String orderingKey) {
        CRC32 checksum = new CRC32();
        checksum.update(orderingKey.getBytes(StandardCharsets.UTF_8));
        return (int) (checksum.getValue() % COUNT);
    }

    /** The lanes worker {@code worker} (0-based) of {@code workers} applies, in ascending order. */
    public static List<Integer> ownedBy(int worker, int workers) {
        requireWorkers(workers);
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker must be 0 to " + (workers - 1) + " (was " + worker + ")");
        }
        List<Integer> lanes = new ArrayList<>();
        for (int lane = worker; lane < COUNT; lane += workers) {
            lanes.add(lane);
        }
        return List.copyOf(lanes);
    }

    /** Every lane. */
    public static List<Integer> all() {
        return ownedBy(0, 1);
    }

    /** Checks a number of workers: 1 to {@link #COUNT}. */
    public static int requireWorkers(int workers) {
        if (workers < 1 || workers > COUNT) {
            throw new IllegalArgumentException("workers must be 1 to " + COUNT + " (was " + workers + ")");
        }
        return workers;
    }

    /** Checks a stored lane: 0 to {@code COUNT - 1}. */
    static int requireLane(int lane) {
        if (lane < 0 || lane >= COUNT) {
            throw new IllegalArgumentException("lane must be 0 to " + (COUNT - 1) + " (was " + lane + ")");
        }
        return lane;
    }
}
