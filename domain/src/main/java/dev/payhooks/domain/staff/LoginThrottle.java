package dev.payhooks.domain.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password and second-factor guessing. Failures are counted in a sliding window,
 * separately per username (someone guessing one account's password from many addresses) and
 * per client address (one address trying many accounts). While either count is at its limit,
 * sign-in is refused before any credential is checked.
 *
 * <p>A check of credentials first reserves an attempt with {@link #attempt}: in one atomic step
 * the throttle checks both counts and counts the attempt as a failure. Only a reserved attempt
 * may be evaluated, so parallel guesses cannot all pass the check before the first one fails
 * (at most the limit are evaluated per window). A right answer hands its {@link Ticket} back with
 * {@link #passed}, which takes the reservation back out: successful sign-ins never count.
 *
 * <p>The counts live in this object's memory: they are per server instance and start afresh
 * after a restart, which bounds guessing to (limit × instances) per window.
 */
public final class LoginThrottle {

    /** Limits and window. {@link #DEFAULT}: 5 failures per account and 20 per address in 15 minutes. */
    public record Policy(int maxFailuresPerUser, int maxFailuresPerClient, Duration window) {
        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofMinutes(15));

        public Policy {
            if (maxFailuresPerUser < 1 || maxFailuresPerClient < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("limits must be positive and the window longer than zero");
            }
        }
    }

    public sealed interface Verdict {
        record Allowed() implements Verdict { }

        /** Refused until {@code until}; {@code perAccount} tells which limit was reached. */
        record Blocked(Instant until, boolean perAccount) implements Verdict { }
    }

    /** A reserved attempt: counted as a failure until handed back to {@link #passed}. */
    public static final class Ticket {
        private final String user;
        private final String client;
        private final Instant at;
        private boolean returned;

        private Ticket(String user, String client, Instant at) {
            this.user = user;
            this.client = client;
            this.at = at;
        }

        @Override
        public String toString() {
            return "Ticket[" + user + "]";
        }
    }

    /** The answer of {@link #attempt}: a ticket to check the credentials with, or a refusal. */
    public sealed interface Attempt {
        record Reserved(Ticket ticket) implements Attempt { }

        record Refused(Verdict.Blocked blocked) implements Attempt { }
    }

    /** Beyond this many tracked keys, expired ones are dropped before adding another. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByUser = new HashMap<>();
    private final Map<String, Deque<Instant>> failuresByClient = new HashMap<>();

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this username may try to sign in from this client now. */
    public synchronized Verdict check(String username, String client) {
        Instant now = clock.instant();
        Instant userFree = freeAt(failuresByUser.get(key(username)), policy.maxFailuresPerUser(), now);
        if (userFree != null) {
            return new Verdict.Blocked(userFree, true);
        }
        Instant clientFree = freeAt(failuresByClient.get(key(client)), policy.maxFailuresPerClient(), now);
        if (clientFree != null) {
            return new Verdict.Blocked(clientFree, false);
        }
        return new Verdict.Allowed();
    }

    /**
     * Reserves one attempt for this username from this client, or refuses it when either count is
     * at its limit. The reserved attempt counts as a failure from now on, unless its ticket is
     * handed to {@link #passed}.
     */
    public synchronized Attempt attempt(String username, String client) {
        if (check(username, client) instanceof Verdict.Blocked blocked) {
            return new Attempt.Refused(blocked);
        }
        Instant now = clock.instant();
        record(failuresByUser, key(username), policy.maxFailuresPerUser(), now);
        record(failuresByClient, key(client), policy.maxFailuresPerClient(), now);
        return new Attempt.Reserved(new Ticket(key(username), key(client), now));
    }

    /**
     * The reserved attempt's credentials were right: it no longer counts, for the account or the
     * address. (Whether the account's earlier failures are forgiven is {@link #succeeded}'s call.)
     */
    public synchronized void passed(Ticket ticket) {
        if (ticket.returned) {
            return;
        }
        ticket.returned = true;
        removeOne(failuresByUser.get(ticket.user), ticket.at);
        removeOne(failuresByClient.get(ticket.client), ticket.at);
    }

    private static void removeOne(Deque<Instant> failures, Instant at) {
        if (failures != null) {
            failures.removeLastOccurrence(at);
        }
    }

    /** A wrong password or second-factor code that was not reserved with {@link #attempt}. */
    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        record(failuresByUser, key(username), policy.maxFailuresPerUser(), now);
        record(failuresByClient, key(client), policy.maxFailuresPerClient(), now);
    }

    /** A complete sign-in: the account's count starts again (the address's count stays, it may be trying others). */
    public synchronized void succeeded(String username) {
        failuresByUser.remove(key(username));
    }

    /** When the key's failures in the window drop below the limit, or null if they already are below it. */
    private Instant freeAt(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return null;
        }
        dropExpired(failures, now);
        if (failures.size() < limit) {
            return null;
        }
        // the oldest failure that keeps the count at the limit leaves the window at this time
        Iterator<Instant> newestFirst = failures.descendingIterator();
        Instant limiting = null;
        for (int i = 0; i < limit; i++) {
            limiting = newestFirst.next();
        }
        return limiting.plus(policy.window());
    }

    private void record(Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().forEach(f -> dropExpired(f, now));
            failures.values().removeIf(Deque::isEmpty);
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        dropExpired(times, now);
        times.addLast(now);
        while (times.size() > limit) {
            times.removeFirst();
        }
    }

    private void dropExpired(Deque<Instant> failures, Instant now) {
        Instant oldestKept = now.minus(policy.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestKept)) {
            failures.removeFirst();
        }
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
