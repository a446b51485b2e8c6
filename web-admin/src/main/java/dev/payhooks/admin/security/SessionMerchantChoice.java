package dev.payhooks.admin.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.Serializable;
import java.util.Optional;

/**
 * The merchant an operator's console session asked to act for, kept in the Vaadin session (server
 * side) for the signed-in username; it dies with the session. Only a request: the handlers'
 * {@code StaffCallers} decide whom a member acts for, and a member of one merchant always acts for
 * their own.
 */
@ApplicationScoped
public class SessionMerchantChoice {

    static final String ATTRIBUTE = "payhooks.acting-merchant";

    record Choice(String username, String merchantId) implements Serializable { }

    /** The merchant {@code username}'s session asked for, if any. */
    public Optional<String> chosen(String username) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || username == null) {
            return Optional.empty();
        }
        return session.getAttribute(ATTRIBUTE) instanceof Choice choice && choice.username().equals(username)
            ? Optional.of(choice.merchantId()) : Optional.empty();
    }

    /** Asks to act for {@code merchantId} from now on in this session. */
    public void choose(String username, String merchantId) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && username != null && merchantId != null) {
            session.setAttribute(ATTRIBUTE, new Choice(username, merchantId));
        }
    }
}
