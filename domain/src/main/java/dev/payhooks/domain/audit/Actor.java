package dev.payhooks.domain.audit;

import java.util.Objects;

/**
 * Who makes a change, for the audit trail: a staff member in the admin console (by username),
 * a client of the management API (by its API key's label and id), or Payhooks itself (startup,
 * the delivery engine disabling a webhook that answered 410 Gone).
 */
public record Actor(String name, Source source) {

    public enum Source { CONSOLE, API, SYSTEM }

    public static final Actor SYSTEM = new Actor("payhooks", Source.SYSTEM);

    public Actor {
        Objects.requireNonNull(source, "source");
        name = name == null || name.isBlank() ? "(unknown)" : name;
        if (name.length() > AuditEntry.MAX_ACTOR) {
            name = name.substring(0, AuditEntry.MAX_ACTOR - 1) + "…";
        }
    }

    public static Actor staff(String username) {
        return new Actor(username, Source.CONSOLE);
    }

    /** An API client, named by its key's label and id (the id is what staff can revoke). */
    public static Actor apiKey(String label, String keyId) {
        String id = " (" + keyId + ")";
        String shownLabel = label == null ? "" : label;
        int room = AuditEntry.MAX_ACTOR - id.length();
        if (shownLabel.length() > room) {
            shownLabel = shownLabel.substring(0, Math.max(room - 1, 0)) + "…";
        }
        return new Actor(shownLabel + id, Source.API);
    }
}
