package dev.payhooks.application.saleor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The moment a synchronous Saleor webhook must be answered by. Saleor gives up on the hub's
 * answer {@link #SALEOR_WAIT} after it sent the request; every provider call made for the
 * request is bounded by what is left of that, less {@link #RESERVE} for what the hub does after
 * the provider answered (record the outcome, store the reply, answer). A call with less than
 * {@link #MIN_CALL} left is not sent: the provider is not asked, and the request is answered as
 * a provider that did not answer in time, which releases the delivery, so Saleor's or the
 * merchant's next attempt is handled anew and nothing happened at the provider twice.
 *
 * @param at    when Saleor stops waiting
 * @param clock the clock time is left on
 */
public record AnswerDeadline(Instant at, Clock clock) {

    /** Saleor waits 18 s for the answer once the request is sent (after up to 2 s to connect). */
    public static final Duration SALEOR_WAIT = Duration.ofSeconds(18);
    /** Kept back from a provider call for the hub's own work after it. */
    public static final Duration RESERVE = Duration.ofSeconds(2);
    /** A provider call with less time than this left is not started. */
    public static final Duration MIN_CALL = Duration.ofMillis(500);

    public AnswerDeadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clock, "clock");
    }

    /** For a Saleor webhook received now. */
    public static AnswerDeadline forSaleorWebhook(Clock clock) {
        return new AnswerDeadline(clock.instant().plus(SALEOR_WAIT), clock);
    }

    /** What is left until the deadline; zero once it passed. */
    public Duration left() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The bound for a provider call configured with {@code callTimeout}: the shorter of it and
     * the time left less {@link #RESERVE}; {@link Duration#ZERO} when that is under
     * {@link #MIN_CALL}, meaning the call must not be sent.
     */
    public Duration callBound(Duration callTimeout) {
        Duration usable = left().minus(RESERVE);
        if (usable.compareTo(MIN_CALL) < 0) {
            return Duration.ZERO;
        }
        return usable.compareTo(callTimeout) < 0 ? usable : callTimeout;
    }

}
