package dev.payhooks.admin.dashboard;

import java.time.LocalDate;

/**
 * The transactions created on one UTC day: how many, how many got money moving (authorized or
 * charged), and how many ended failed. The success rate is succeeded out of those decided
 * (succeeded + failed); transactions still in flight or cancelled before any money moved do not
 * count either way.
 */
public record DailyActivity(LocalDate day, int created, int succeeded, int failed) {

    /** Succeeded out of decided, 0..1; empty when nothing was decided that day. */
    public java.util.OptionalDouble successRate() {
        int decided = succeeded + failed;
        return decided == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) succeeded / decided);
    }
}
