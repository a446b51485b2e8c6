package dev.payhooks.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A subscription's rate limit as evenly spaced start slots: with a limit of N per second,
 * attempts start at least 1/N s apart, so no second ever sees more than N + 1 starts, however
 * many engine instances share the subscription (they hand out slots from one stored "next free
 * slot" under a row lock). Slots are handed out only a little ahead (the horizon, one engine
 * tick); deliveries that get no slot wait for the next free one.
 */
public final class DeliveryPacing {

    /** The start times given to the first {@code starts.size()} deliveries, and the next free slot. */
    public record Plan(List<Instant> starts, Instant nextFreeSlot) {
        public Plan {
            starts = List.copyOf(starts);
            Objects.requireNonNull(nextFreeSlot, "nextFreeSlot");
        }
    }

    private DeliveryPacing() {
    }

    /** The time between two starts at this rate. */
    public static Duration interval(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second, got " + perSecond);
        }
        return Duration.ofNanos(1_000_000_000L / perSecond);
    }

    /**
     * @param nextSlot the stored next free slot, or null if none was ever handed out
     * @param wanted   how many deliveries want a slot now
     * @param horizon  how far ahead of {@code now} slots may be handed out
     */
    public static Plan plan(Instant nextSlot, Instant now, int perSecond, int wanted, Duration horizon) {
        Duration interval = interval(perSecond);
        Instant slot = nextSlot == null || nextSlot.isBefore(now) ? now : nextSlot;
        Instant limit = now.plus(horizon);
        List<Instant> starts = new ArrayList<>();
        while (starts.size() < wanted && !slot.isAfter(limit)) {
            starts.add(slot);
            slot = slot.plus(interval);
        }
        return new Plan(starts, slot);
    }
}
