package dev.payhooks.application.staff;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.JdkHmacSha1ForTests;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.TotpSecret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords and second-factor codes share one throttle; a passed code marks the session. */
class SignInTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:10Z"));
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    static final JdkHmacSha1ForTests HMAC = new JdkHmacSha1ForTests();
    final ManageSecondFactor secondFactor = new ManageSecondFactor(users, new FakeSecrets(), RandomBytes.secure(), HMAC, clock);
    final Map<String, Instant> marked = new HashMap<>();
    final SignIn signIn = new SignIn(new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock), secondFactor, new SecondFactorMarks() {
        @Override
        public Optional<Instant> verifiedAt(String username) {
            return Optional.ofNullable(marked.get(username));
        }

        @Override
        public void verified(String username, Instant at) {
            marked.put(username, at);
        }
    }, clock);

    SignInTest() {
        users.add(StaffUser.register("u-1", "alice", "hash", Set.of(StaffRole.DEVELOPER), "m-1", clock.instant()));
    }

    @Test
    void fiveWrongPasswordsPauseTheAccount() {
        for (int i = 0; i < LoginThrottle.Policy.DEFAULT.maxFailuresPerUser(); i++) {
            assertInstanceOf(SignIn.Attempt.Reserved.class, signIn.begin("alice", "10.0.0.1"));
        }
        SignIn.Attempt.Refused refused = assertInstanceOf(SignIn.Attempt.Refused.class, signIn.begin("alice", "10.0.0.2"));
        assertTrue(refused.message().startsWith("Too many failed sign-in attempts for this account."), refused.message());
    }

    @Test
    void aRightPasswordDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            signIn.passwordAccepted("alice", (SignIn.Attempt.Reserved) signIn.begin("alice", "10.0.0.1"));
        }
        assertInstanceOf(SignIn.Attempt.Reserved.class, signIn.begin("alice", "10.0.0.1"));
    }

    @Test
    void enrolmentAndCodesMarkTheSessionAndWrongCodesCountAsFailures() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin("alice");
        signIn.confirmEnrolment("alice", enrolment.secret(), code(enrolment.secret()));
        assertEquals(clock.instant(), marked.remove("alice"));

        for (int i = 0; i < LoginThrottle.Policy.DEFAULT.maxFailuresPerUser(); i++) {
            assertThrows(InvalidField.class, () -> signIn.verifyCode("alice", "000000".equals(code(enrolment.secret()))
                ? "111111" : "000000", "10.0.0.1"));
        }
        InvalidField paused = assertThrows(InvalidField.class, () -> signIn.verifyCode("alice", code(enrolment.secret()), "10.0.0.1"));
        assertTrue(paused.problem().startsWith("Too many failed sign-in attempts"), paused.problem());
        assertTrue(marked.isEmpty(), "no code passed");
    }

    String code(TotpSecret secret) {
        return secret.codeAt(TotpSecret.stepAt(clock.instant()), HMAC);
    }
}
