package dev.payhooks.admin.facade;

import dev.payhooks.domain.staff.LoginThrottle;

/** A sign-in attempt as the throttle answered it: reserved (the password may be checked) or refused. */
public sealed interface SignInAttempt {

    /** The password may be checked once; hand this to {@link AdminFacade#passwordAccepted} if it is right. */
    record Reserved(LoginThrottle.Ticket ticket) implements SignInAttempt { }

    /** Paused, with the message the staff member reads. */
    record Refused(String message) implements SignInAttempt { }
}
