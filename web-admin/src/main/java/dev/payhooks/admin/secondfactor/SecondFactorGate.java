package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sections that need a second factor verified in this session (webhooks, the event log, secret
 * reveal). The mark lives in the server-side session and dies with it at sign-out.
 */
public final class SecondFactorGate {

    static final String ATTRIBUTE = "payhooks.second-factor-verified-for";
    /** Where the second-factor page may send the user back to; nothing else, so it is no open redirect. */
    static final Set<String> SECTIONS = Set.of("webhooks", "event-log", "channels");

    private SecondFactorGate() {
    }

    public static boolean verified(String username) {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && username != null && Objects.equals(session.getAttribute(ATTRIBUTE), username);
    }

    static void markVerified(String username) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, username);
    }

    /** Sends a user without a verified second factor to enrol or verify, and back to {@code section} afterwards. */
    public static void require(BeforeEnterEvent event, String username, String section) {
        if (!verified(username)) {
            event.forwardTo(SecondFactorView.ROUTE, QueryParameters.simple(Map.of(SecondFactorView.CONTINUE, section)));
        }
    }
}
