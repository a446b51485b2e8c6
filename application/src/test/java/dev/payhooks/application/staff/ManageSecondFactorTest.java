package dev.payhooks.application.staff;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.JdkHmacSha1ForTests;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.SecondFactor;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.TotpSecret;
import dev.payhooks.application.staff.ManageSecondFactor.Accepted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageSecondFactorTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:10Z"));
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final FakeSecrets secrets = new FakeSecrets();
    static final JdkHmacSha1ForTests HMAC = new JdkHmacSha1ForTests();
    final ManageSecondFactor secondFactor = new ManageSecondFactor(users, secrets, RandomBytes.secure(), HMAC, clock);

    ManageSecondFactorTest() {
        users.add(StaffUser.register("u-1", "alice", "hash", Set.of(StaffRole.DEVELOPER), "m-1", clock.instant()));
    }

    String currentCode(TotpSecret secret) {
        return secret.codeAt(TotpSecret.stepAt(clock.instant()), HMAC);
    }

    @Test
    void enrolmentIsStoredOnlyOnceACodeOfTheOfferedKeyIsConfirmed() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin("alice");
        assertTrue(enrolment.provisioningUri().startsWith("otpauth://totp/Payhooks:alice?secret=" + enrolment.secret().base32()));
        assertFalse(secondFactor.enabled("alice"));

        InvalidField wrong = assertThrows(InvalidField.class, () -> secondFactor.confirm("alice", enrolment.secret(), "000000".equals(currentCode(enrolment.secret())) ? "111111" : "000000"));
        assertEquals("code", wrong.field());
        assertFalse(secondFactor.enabled("alice"));

        List<String> codes = secondFactor.confirm("alice", enrolment.secret(), currentCode(enrolment.secret()));

        assertEquals(10, codes.size());
        assertTrue(secondFactor.enabled("alice"));
        SecondFactor stored = users.withUsername("alice").orElseThrow().secondFactor().orElseThrow();
        assertEquals(enrolment.secret().base32(), secrets.open(stored.totpSecret(), SecondFactor.secretContext("u-1")));
        assertFalse(stored.recoveryCodeHashes().contains(codes.get(0)), "only hashes are stored");
        assertThrows(Conflict.class, () -> secondFactor.begin("alice"));
    }

    @Test
    void theConfirmationCodeCannotBeUsedAgainToSignIn() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin("alice");
        String code = currentCode(enrolment.secret());
        secondFactor.confirm("alice", enrolment.secret(), code);

        assertThrows(InvalidField.class, () -> secondFactor.verify("alice", code));

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Accepted.AUTHENTICATOR_CODE, secondFactor.verify("alice", currentCode(enrolment.secret())));
        assertThrows(InvalidField.class, () -> secondFactor.verify("alice", currentCode(enrolment.secret())), "replayed");
    }

    @Test
    void eachRecoveryCodeWorksOnce() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin("alice");
        List<String> codes = secondFactor.confirm("alice", enrolment.secret(), currentCode(enrolment.secret()));

        assertEquals(Accepted.RECOVERY_CODE, secondFactor.verify("alice", codes.get(3).toUpperCase()));
        assertEquals(9, secondFactor.recoveryCodesLeft("alice"));
        assertThrows(InvalidField.class, () -> secondFactor.verify("alice", codes.get(3)));
        assertEquals(Accepted.RECOVERY_CODE, secondFactor.verify("alice", codes.get(4)));
        assertNotEquals(codes.get(3), codes.get(4));
    }

    @Test
    void verifyingWithoutAnEnabledFactorIsAConflict() {
        assertThrows(Conflict.class, () -> secondFactor.verify("alice", "123456"));
    }
}
