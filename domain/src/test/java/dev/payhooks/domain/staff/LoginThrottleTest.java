package dev.payhooks.domain.staff;

import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.LoginThrottle.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LoginThrottleTest {

    final Instant start = Instant.parse("2026-11-23T10:00:00Z");
    final SteppingClock clock = new SteppingClock(start);
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, 5, Duration.ofMinutes(15)), clock);

    void fail(String user, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, client);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void anAccountIsBlockedAtItsLimitUntilTheOldestCountedFailureLeavesTheWindow() {
        fail("alice", "10.0.0.1", 2);
        assertInstanceOf(Verdict.Allowed.class, throttle.check("alice", "10.0.0.1"));

        fail("alice", "10.0.0.2", 1);

        Verdict verdict = throttle.check("Alice", "10.0.0.3");
        assertEquals(new Verdict.Blocked(start.plus(Duration.ofMinutes(15)), true), verdict);
        clock.set(start.plus(Duration.ofMinutes(15)));
        assertInstanceOf(Verdict.Allowed.class, throttle.check("alice", "10.0.0.3"));
    }

    @Test
    void anAddressTryingManyAccountsIsBlockedForAllOfThem() {
        fail("a1", "10.0.0.9", 1);
        fail("a2", "10.0.0.9", 1);
        fail("a3", "10.0.0.9", 1);
        fail("a4", "10.0.0.9", 1);
        fail("a5", "10.0.0.9", 1);

        Verdict verdict = throttle.check("someone-else", "10.0.0.9");
        assertEquals(new Verdict.Blocked(start.plus(Duration.ofMinutes(15)), false), verdict);
        assertInstanceOf(Verdict.Allowed.class, throttle.check("someone-else", "10.0.0.10"));
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCountButNotTheAddresses() {
        fail("alice", "10.0.0.1", 2);
        throttle.succeeded("alice");
        fail("alice", "10.0.0.1", 2);
        assertInstanceOf(Verdict.Allowed.class, throttle.check("alice", "10.0.0.1"));

        fail("bob", "10.0.0.1", 1);
        assertInstanceOf(Verdict.Blocked.class, throttle.check("carol", "10.0.0.1"));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("alice", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(20));
        fail("alice", "10.0.0.1", 2);

        assertInstanceOf(Verdict.Allowed.class, throttle.check("alice", "10.0.0.1"));
    }

    @Test
    void parallelAttemptsAtOneAccountAreEvaluatedAtMostItsLimit() throws Exception {
        LoginThrottle parallel = new LoginThrottle(new LoginThrottle.Policy(5, 1_000, Duration.ofMinutes(15)), clock);
        assertEquals(5, reservedInParallel(64, i -> parallel.attempt("alice", "10.0.0." + i)));
        assertInstanceOf(Verdict.Blocked.class, parallel.check("alice", "10.0.0.200"));
    }

    @Test
    void parallelAttemptsFromOneAddressAreEvaluatedAtMostItsLimit() throws Exception {
        LoginThrottle parallel = new LoginThrottle(new LoginThrottle.Policy(5, 20, Duration.ofMinutes(15)), clock);
        assertEquals(20, reservedInParallel(64, i -> parallel.attempt("user" + i, "10.0.0.9")));
    }

    /** Starts all attempts at once; how many got a ticket (the password would have been checked). */
    static int reservedInParallel(int threads, java.util.function.IntFunction<LoginThrottle.Attempt> attempt) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.List<java.util.concurrent.Future<LoginThrottle.Attempt>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.apply(n);
                }));
            }
            int reserved = 0;
            for (java.util.concurrent.Future<LoginThrottle.Attempt> answer : answers) {
                if (answer.get() instanceof LoginThrottle.Attempt.Reserved) {
                    reserved++;
                }
            }
            return reserved;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReservedAttemptCountsAsAFailureUntilItsTicketIsHandedBack() {
        LoginThrottle.Attempt first = throttle.attempt("alice", "10.0.0.1");
        throttle.attempt("alice", "10.0.0.1");
        throttle.attempt("alice", "10.0.0.1");
        assertInstanceOf(LoginThrottle.Attempt.Refused.class, throttle.attempt("alice", "10.0.0.1"));

        throttle.passed(((LoginThrottle.Attempt.Reserved) first).ticket());
        throttle.passed(((LoginThrottle.Attempt.Reserved) first).ticket());
        assertInstanceOf(LoginThrottle.Attempt.Reserved.class, throttle.attempt("alice", "10.0.0.1"));
        assertInstanceOf(LoginThrottle.Attempt.Refused.class, throttle.attempt("alice", "10.0.0.1"), "a ticket is handed back once");
    }

    @Test
    void successfulSignInsNeverCountEvenManyInParallelFromOneAddress() throws Exception {
        for (int round = 0; round < 50; round++) {
            LoginThrottle.Attempt attempt = throttle.attempt("it-user-" + (round % 4), "127.0.0.1");
            assertInstanceOf(LoginThrottle.Attempt.Reserved.class, attempt, "sign-in " + round);
            throttle.passed(((LoginThrottle.Attempt.Reserved) attempt).ticket());
        }
        assertInstanceOf(Verdict.Allowed.class, throttle.check("it-user-0", "127.0.0.1"));
    }
}
