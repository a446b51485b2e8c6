package dev.payhooks.admin;

/**
 * What the admin console needs of the hub's settings: the mode (sandbox shows its badge and
 * notice), whether the session cookie is always {@code Secure}, and the idle timeout of a session.
 */
public record ConsoleSettings(boolean sandbox, boolean alwaysSecureCookie, int sessionTimeoutMinutes) {

    public ConsoleSettings {
        if (sessionTimeoutMinutes < 1) {
            throw new IllegalArgumentException("the session timeout must be at least 1 minute, not " + sessionTimeoutMinutes);
        }
    }
}
