package dev.payhooks.admin.facade;

import dev.payhooks.domain.staff.LoginThrottle;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What a throttled staff member reads. */
public final class SignInThrottling {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private SignInThrottling() {
    }

    public static String message(LoginThrottle.Verdict.Blocked blocked) {
        String who = blocked.perAccount() ? "for this account" : "from your network address";
        return "Too many failed sign-in attempts " + who + ". Try again after " + TIME.format(blocked.until()) + " UTC.";
    }
}
