package dev.payhooks.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one webhook's deliveries went over a window (24 h on its page): attempts, successes, the
 * 95th percentile latency, attempts per hour for a chart, and since when it has been failing.
 *
 * @param attempts     attempts in the window (of the newest {@code sampleLimit} when {@code sampled})
 * @param succeeded    how many of them got a 2xx
 * @param p95Latency   the 95th percentile latency (nearest rank), empty without attempts
 * @param hours        attempts per hour, oldest first, one entry per hour of the window
 * @param failingSince the first of the unbroken run of failed attempts up to now, when the newest failed
 * @param sampled      whether the window held more attempts than were read (figures are of the newest)
 */
public record WebhookHealth(int attempts, int succeeded, Optional<Duration> p95Latency, List<Hour> hours,
                            Optional<Instant> failingSince, boolean sampled) {

    /** One hour of the chart. */
    public record Hour(Instant start, int succeeded, int failed) { }

    public WebhookHealth {
        hours = List.copyOf(hours);
    }

    /** The success rate in percent, empty without attempts. */
    public Optional<Double> successRate() {
        return attempts == 0 ? Optional.empty() : Optional.of(100.0 * succeeded / attempts);
    }

    /**
     * Computes the health of the window of {@code hoursBack} hours ending at {@code now} from its
     * attempts, newest first ({@link AttemptHistory#of}); {@code sampled} tells that more attempts
     * happened than are given.
     */
    public static WebhookHealth of(List<AttemptHistory.Attempt> newestFirst, Instant now, int hoursBack, boolean sampled) {
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = lastHour.minus(hoursBack - 1L, ChronoUnit.HOURS);
        int[] ok = new int[hoursBack];
        int[] failed = new int[hoursBack];
        int succeeded = 0;
        List<Duration> latencies = new ArrayList<>(newestFirst.size());
        for (AttemptHistory.Attempt attempt : newestFirst) {
            latencies.add(attempt.latency());
            if (attempt.success()) {
                succeeded++;
            }
            int hour = (int) ChronoUnit.HOURS.between(firstHour, attempt.startedAt().truncatedTo(ChronoUnit.HOURS));
            if (hour >= 0 && hour < hoursBack) {
                if (attempt.success()) {
                    ok[hour]++;
                } else {
                    failed[hour]++;
                }
            }
        }
        List<Hour> hours = new ArrayList<>(hoursBack);
        for (int i = 0; i < hoursBack; i++) {
            hours.add(new Hour(firstHour.plus(i, ChronoUnit.HOURS), ok[i], failed[i]));
        }
        Instant failingSince = null;
        for (AttemptHistory.Attempt attempt : newestFirst) {
            if (attempt.success()) {
                break;
            }
            failingSince = attempt.startedAt();
        }
        return new WebhookHealth(newestFirst.size(), succeeded, percentile95(latencies), hours,
            Optional.ofNullable(failingSince), sampled);
    }

    private static Optional<Duration> percentile95(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = latencies.stream().sorted().toList();
        int rank = (int) Math.ceil(0.95 * sorted.size());  // nearest rank, 1-based
        return Optional.of(sorted.get(rank - 1));
    }
}
