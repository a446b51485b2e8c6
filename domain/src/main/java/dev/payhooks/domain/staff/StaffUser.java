package dev.payhooks.domain.staff;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who signs in to the admin UI. The password is held only as a one-way hash in
 * the format of the hashing algorithm that produced it (PBKDF2 in this application).
 */
public final class StaffUser {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final String id;
    private final String username;
    private String passwordHash;
    private final Set<StaffRole> roles;
    private boolean enabled;
    private final Instant createdAt;
    private final long version;

    private StaffUser(String id, String username, String passwordHash, Set<StaffRole> roles,
                      boolean enabled, Instant createdAt, long version) {
        this.id = requireText(id, "id");
        this.username = requireValidUsername(username);
        this.passwordHash = requireText(passwordHash, "passwordHash");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a staff user needs at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
    }

    /** A new, enabled staff user. */
    public static StaffUser register(String id, String username, String passwordHash,
                                     Set<StaffRole> roles, Instant at) {
        return new StaffUser(id, username, passwordHash, roles, true, at, 0);
    }

    /** Rebuilds a stored staff user; for repositories only. */
    public static StaffUser reconstitute(String id, String username, String passwordHash,
                                         Set<StaffRole> roles, boolean enabled, Instant createdAt,
                                         long version) {
        return new StaffUser(id, username, passwordHash, roles, enabled, createdAt, version);
    }

    /** Usernames are case-insensitive: they are stored and compared in lower case. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public boolean mayChangeConfiguration() {
        return roles.contains(StaffRole.ADMINISTRATOR) || roles.contains(StaffRole.DEVELOPER);
    }

    public String id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public Set<StaffRole> roles() { return EnumSet.copyOf(roles); }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }

    @Override
    public String toString() {
        // never the hash: it is credential material
        return "StaffUser[" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }

    private static String requireValidUsername(String username) {
        String normalized = normalizeUsername(username);
        if (normalized == null || !USERNAME.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                "username must be 2-64 characters of a-z, 0-9, '.', '_', '@', '-' and start with a letter or digit");
        }
        return normalized;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
