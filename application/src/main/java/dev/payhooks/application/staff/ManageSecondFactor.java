package dev.payhooks.application.staff;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.port.HmacSha1;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.staff.RecoveryCodes;
import dev.payhooks.domain.staff.SecondFactor;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.domain.staff.TotpSecret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * A staff member's second factor (TOTP, RFC 6238): enrolment with a key shown once as a QR
 * code, confirmation with a first code, recovery codes shown once and stored hashed, and the
 * check of a code at sign-in. The key is sealed with the {@link Secrets} port. The caller owns
 * the transaction.
 */
public record ManageSecondFactor(StaffUsers users, Secrets secrets, RandomBytes random, HmacSha1 hmac, Clock clock) {

    public static final String ISSUER = "Payhooks";

    /** A key offered for enrolment; nothing is stored until {@link #confirm} sees a code of it. */
    public record Enrolment(TotpSecret secret, String provisioningUri) {
        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    /** Which kind of code passed a {@link #verify}. */
    public enum Accepted { AUTHENTICATOR_CODE, RECOVERY_CODE }

    public boolean enabled(String username) {
        return user(username).secondFactor().isPresent();
    }

    public int recoveryCodesLeft(String username) {
        return user(username).secondFactor().map(f -> f.recoveryCodeHashes().size()).orElse(0);
    }

    /** A fresh key for the user's authenticator app. */
    public Enrolment begin(String username) {
        StaffUser user = user(username);
        if (user.secondFactor().isPresent()) {
            throw new Conflict("the second factor is already enabled");
        }
        TotpSecret secret = TotpSecret.generate(random);
        return new Enrolment(secret, secret.provisioningUri(ISSUER, user.username()));
    }

    /**
     * Enables the second factor once the app shows a code of the offered key; returns the
     * recovery codes, in clear this one time only.
     */
    public List<String> confirm(String username, TotpSecret offered, String code) {
        StaffUser user = user(username);
        if (user.secondFactor().isPresent()) {
            throw new Conflict("the second factor is already enabled");
        }
        Instant now = clock.instant();
        OptionalLong step = offered.matchingStep(code, now, Long.MIN_VALUE, hmac);
        if (step.isEmpty()) {
            throw new InvalidField("code", "is not the code your authenticator app shows for this key");
        }
        SealedSecret sealed = secrets.seal(offered.base32(), SecondFactor.secretContext(user.id()));
        List<String> codes = RecoveryCodes.generate(random);
        user.enableSecondFactor(sealed, step.getAsLong(), RecoveryCodes.hashAll(codes), now);
        users.update(user);
        return codes;
    }

    /**
     * Checks a sign-in's second factor: a current authenticator code (each accepted once) or an
     * unused recovery code (used up). Throws {@link InvalidField} for field {@code code} otherwise.
     */
    public Accepted verify(String username, String code) {
        StaffUser user = user(username);
        SecondFactor factor = user.secondFactor()
            .orElseThrow(() -> new Conflict("the second factor is not enabled yet"));
        Accepted accepted;
        if (RecoveryCodes.looksLikeOne(code)) {
            accepted = user.acceptRecoveryCode(code) ? Accepted.RECOVERY_CODE : null;
        } else {
            TotpSecret secret = TotpSecret.parse(secrets.open(factor.totpSecret(), SecondFactor.secretContext(user.id())));
            accepted = user.acceptTotp(secret, code, clock.instant(), hmac) ? Accepted.AUTHENTICATOR_CODE : null;
        }
        if (accepted == null) {
            throw new InvalidField("code", "is not valid (a code is accepted once; a new one appears every 30 seconds)");
        }
        users.update(user);
        return accepted;
    }

    private StaffUser user(String username) {
        return users.withUsername(username).orElseThrow(() -> new NotFound("staff user"));
    }
}
