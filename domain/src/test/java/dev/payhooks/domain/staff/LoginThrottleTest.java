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
}
