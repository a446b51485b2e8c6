package dev.payhooks.application.staff;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.TotpSecret;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A staff member signing in to the console: the password attempt throttled per account and per
 * client address, then the second factor, checked under the same throttle. A passed second factor
 * is marked in the session ({@link SecondFactorMarks}); staff actions ask how fresh that mark is.
 * The caller owns the transaction.
 */
public record SignIn(LoginThrottle throttle, ManageSecondFactor secondFactor, SecondFactorMarks marks, Clock clock) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A sign-in attempt as the throttle answered it: reserved (the password may be checked) or refused. */
    public sealed interface Attempt {

        /** The password may be checked once; hand this to {@link #passwordAccepted} if it is right. */
        record Reserved(LoginThrottle.Ticket ticket) implements Attempt { }

        /** Paused, with the message the staff member reads. */
        record Refused(String message) implements Attempt { }
    }

    /**
     * Reserves this sign-in attempt before the password is checked, or says why it is refused (too
     * many recent failures). The reservation counts as a failure until {@link #passwordAccepted}
     * hands it back, so parallel wrong passwords cannot all be checked before the pause engages.
     */
    public Attempt begin(String username, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(username, clientAddress);
        if (attempt instanceof LoginThrottle.Attempt.Refused refused) {
            return new Attempt.Refused(message(refused.blocked()));
        }
        return new Attempt.Reserved(((LoginThrottle.Attempt.Reserved) attempt).ticket());
    }

    /**
     * A right password: its attempt does not count. The account's failure count starts again only
     * for users without a second factor; for the others a verified code does that, or password
     * successes would reset the count of code guesses.
     */
    public void passwordAccepted(String username, Attempt.Reserved attempt) {
        throttle.passed(attempt.ticket());
        if (!secondFactor.enabled(username)) {
            throttle.succeeded(username);
        }
    }

    /**
     * Checks a second-factor code of the signed-in user, throttled like passwords: a wrong code
     * counts as a failed sign-in for the account and the client address.
     */
    public ManageSecondFactor.Accepted verifyCode(String username, String code, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(username, clientAddress);
        if (attempt instanceof LoginThrottle.Attempt.Refused refused) {
            throw new InvalidField("code", message(refused.blocked()));
        }
        LoginThrottle.Ticket ticket = ((LoginThrottle.Attempt.Reserved) attempt).ticket();
        ManageSecondFactor.Accepted accepted;
        try {
            accepted = secondFactor.verify(username, code);
        } catch (InvalidField wrong) {
            throw wrong; // a wrong code stays counted: the reservation is its failure
        } catch (RuntimeException noCodeChecked) {
            throttle.passed(ticket);
            throw noCodeChecked;
        }
        throttle.passed(ticket);
        throttle.succeeded(username);
        marks.verified(username, clock.instant());
        return accepted;
    }

    /** Enables the second factor with a first code of the offered key; returns the recovery codes, the only time they are shown. */
    public List<String> confirmEnrolment(String username, TotpSecret offered, String code) {
        List<String> codes = secondFactor.confirm(username, offered, code);
        marks.verified(username, clock.instant());
        return codes;
    }

    /** What a throttled staff member reads. */
    static String message(LoginThrottle.Verdict.Blocked blocked) {
        String who = blocked.perAccount() ? "for this account" : "from your network address";
        return "Too many failed sign-in attempts " + who + ". Try again after " + TIME.format(blocked.until()) + " UTC.";
    }
}
