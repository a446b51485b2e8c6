package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.server.VaadinSession;
import dev.payhooks.domain.staff.SecondFactorMarks;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The second-factor mark in the Vaadin session (server side): who passed it and when. It dies
 * with the session at sign-out, idle timeout or a session id change is not enough to lose it
 * (the attributes move with the session).
 */
@ApplicationScoped
public class SessionSecondFactorMarks implements SecondFactorMarks {

    static final String ATTRIBUTE = "payhooks.second-factor-verified";

    record Mark(String username, Instant at) implements Serializable { }

    @Override
    public Optional<Instant> verifiedAt(String username) {
        return mark(username).map(Mark::at);
    }

    @Override
    public void verified(String username, Instant at) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && username != null) {
            session.setAttribute(ATTRIBUTE, new Mark(username, at));
        }
    }

    static Optional<Mark> mark(String username) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || username == null) {
            return Optional.empty();
        }
        return session.getAttribute(ATTRIBUTE) instanceof Mark mark && mark.username().equals(username)
            ? Optional.of(mark) : Optional.empty();
    }
}
