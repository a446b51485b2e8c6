package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;

import java.util.Map;
import java.util.Set;

/**
 * Sections that need a second factor verified in this session (webhooks, the event log, approvals, channels,
 * merchants, secret reveal). The mark lives in the server-side session and dies with it at sign-out; the sign-in use case sets it
 * whenever a code passes.
 */
public final class SecondFactorGate {

    /** Where the second-factor page may send the user back to; nothing else, so it is no open redirect. */
    static final Set<String> SECTIONS = Set.of("webhooks", "event-log", "approvals", "channels", "merchants");

    private SecondFactorGate() {
    }

    /** Whether {@code username} passed the second factor in this session (the mark {@link SessionSecondFactorMarks} keeps). */
    public static boolean verified(String username) {
        return SessionSecondFactorMarks.mark(username).isPresent();
    }

    /** Sends a user without a verified second factor to enrol or verify, and back to {@code section} afterwards. */
    public static void require(BeforeEnterEvent event, String username, String section) {
        if (!verified(username)) {
            event.forwardTo(SecondFactorView.ROUTE, QueryParameters.simple(Map.of(SecondFactorView.CONTINUE, section)));
        }
    }
}
