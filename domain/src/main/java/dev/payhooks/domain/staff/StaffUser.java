package dev.payhooks.domain.staff;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.port.HmacSha1;
import dev.payhooks.domain.port.SealedSecret;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who signs in to the admin UI. The password is held only as a one-way hash in
 * the format of the hashing algorithm that produced it (PBKDF2 in this application). Each one
 * either belongs to exactly one merchant, and acts for it alone, or is an operator, who belongs to
 * none, may act for any merchant and manages the merchants themselves.
 */
public final class StaffUser extends Aggregate {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final String id;
    private final String username;
    private String passwordHash;
    private Set<StaffRole> roles;
    private boolean enabled;
    private final Instant createdAt;
    private SecondFactor secondFactor;
    /** The merchant this member belongs to; null for an operator. */
    private final String merchantId;

    private StaffUser(String id, String username, String passwordHash, Set<StaffRole> roles, String merchantId,
                      boolean enabled, Instant createdAt, SecondFactor secondFactor, long version) {
        super(version);
        this.id = requireText(id, "id");
        this.merchantId = merchantId == null ? null : requireText(merchantId, "merchantId");
        this.username = requireValidUsername(username);
        this.passwordHash = requireText(passwordHash, "passwordHash");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a staff user needs at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.secondFactor = secondFactor;
    }

    /** A new, enabled staff user of the merchant {@code merchantId}. */
    public static StaffUser register(String id, String username, String passwordHash,
                                     Set<StaffRole> roles, String merchantId, Instant at) {
        return new StaffUser(id, username, passwordHash, roles, requireText(merchantId, "merchantId"), true, at, null, 0);
    }

    /** A new, enabled operator: of no merchant, acting for any. */
    public static StaffUser registerOperator(String id, String username, String passwordHash,
                                             Set<StaffRole> roles, Instant at) {
        return new StaffUser(id, username, passwordHash, roles, null, true, at, null, 0);
    }

    /**
     * Rebuilds a stored staff user with its merchant (null: an operator) and second factor (null:
     * none); for repositories only.
     */
    public static StaffUser reconstitute(String id, String username, String passwordHash,
                                         Set<StaffRole> roles, String merchantId, boolean enabled, Instant createdAt,
                                         SecondFactor secondFactor, long version) {
        return new StaffUser(id, username, passwordHash, roles, merchantId, enabled, createdAt, secondFactor, version);
    }

    /**
     * Turns the second factor on with a key whose code was just confirmed at {@code confirmedStep}
     * (that code is then used up) and the hashes of fresh recovery codes.
     */
    public void enableSecondFactor(SealedSecret totpSecret, long confirmedStep, List<String> recoveryCodeHashes, Instant at) {
        if (secondFactor != null) {
            throw new Conflict("the second factor of " + username + " is already enabled");
        }
        this.secondFactor = new SecondFactor(totpSecret, confirmedStep, recoveryCodeHashes, at);
    }

    /** Whether the code is the authenticator's current one and unused; an accepted code cannot be accepted again. */
    public boolean acceptTotp(TotpSecret opened, String code, Instant now, HmacSha1 hmac) {
        if (secondFactor == null) {
            return false;
        }
        OptionalLong step = opened.matchingStep(code, now, secondFactor.lastUsedStep(), hmac);
        step.ifPresent(s -> secondFactor = secondFactor.afterStep(s));
        return step.isPresent();
    }

    /** Whether the code is one of the unused recovery codes; it is used up if so. */
    public boolean acceptRecoveryCode(String code) {
        if (secondFactor == null) {
            return false;
        }
        Optional<SecondFactor> left = secondFactor.withoutRecoveryCode(code);
        left.ifPresent(f -> secondFactor = f);
        return left.isPresent();
    }

    public Optional<SecondFactor> secondFactor() {
        return Optional.ofNullable(secondFactor);
    }

    /** Usernames are case-insensitive: they are stored and compared in lower case. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
    }

    /**
     * An administrator's reset for a user who lost the password or the authenticator: a new
     * password, and no second factor until the user enrols again at the next sign-in.
     */
    public void resetCredentials(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
        this.secondFactor = null;
    }

    /** An administrator's change of this user's roles (at least one). */
    public void changeRoles(Set<StaffRole> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("a staff user needs at least one role");
        }
        this.roles = EnumSet.copyOf(newRoles);
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

    /** The merchant this member belongs to; empty for an operator. */
    public Optional<String> merchantId() {
        return Optional.ofNullable(merchantId);
    }

    /** Whether this member is an operator: of no merchant, acting for any and managing merchants. */
    public boolean operator() {
        return merchantId == null;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public Set<StaffRole> roles() { return EnumSet.copyOf(roles); }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }

    @Override
    public String toString() {
        // never the hash: it is credential material
        return "StaffUser[" + username + ", roles=" + roles + ", " + (merchantId == null ? "operator" : "merchant=" + merchantId)
            + ", enabled=" + enabled + "]";
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
