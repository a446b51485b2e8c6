package dev.payhooks.domain.staff;

import java.time.Instant;
import java.util.Optional;

/**
 * When the signed-in staff member last proved their second factor in this session (port). The
 * admin console keeps the mark in the server-side session, so it dies with the session at
 * sign-out or timeout.
 */
public interface SecondFactorMarks {

    /** When {@code username} last passed the second factor in the current session, if ever. */
    Optional<Instant> verifiedAt(String username);

    /** {@code username} passed the second factor at {@code at} in the current session. */
    void verified(String username, Instant at);
}
