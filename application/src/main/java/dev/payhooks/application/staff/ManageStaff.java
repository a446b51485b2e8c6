package dev.payhooks.application.staff;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffActionRefused;
import dev.payhooks.domain.staff.StaffActionRefused.Reason;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one gate of every staff action: add, change role, reset (password and second factor),
 * enable and disable. The caller must be an enabled administrator (a {@link Caller.Staff} as
 * stored when the request began, not as the session remembers), with a second factor enrolled and
 * passed in its session within the last
 * {@link #FRESH_SECOND_FACTOR}, and may not act on their own account (no reset of their own
 * factor, no change of their own role, no disabling themselves). Each attempt is audited: the
 * change, or a {@code staff.refused} entry naming the action, the target and why; a refusal throws
 * {@link StaffActionRefused} after recording, with nothing else changed, and the caller's
 * transaction must commit that entry. The caller owns the transaction.
 */
public class ManageStaff {

    /** How long a passed second factor allows staff actions. */
    public static final Duration FRESH_SECOND_FACTOR = Duration.ofMinutes(15);
    public static final int TEMPORARY_PASSWORD_LENGTH = 20;

    /** A new or reset user's generated password, in clear this one time. */
    public record Issued(String username, String password) {
        @Override
        public String toString() {
            return "Issued[" + username + "]";
        }
    }

    private final StaffUsers users;
    private final PasswordHashing hashing;
    private final IdGenerator ids;
    private final AuditRecorder audit;
    private final Clock clock;

    public ManageStaff(StaffUsers users, PasswordHashing hashing, IdGenerator ids, AuditRecorder audit, Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.hashing = Objects.requireNonNull(hashing);
        this.ids = Objects.requireNonNull(ids);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Every staff user, for an administrator (no second factor needed to look). */
    public List<StaffUser> list(Caller.Staff caller) {
        if (!caller.administrator()) {
            throw new NotPermitted("Only administrators manage staff users.");
        }
        return users.all();
    }

    /** Adds a staff user with one role and a generated password. */
    public Issued add(Caller.Staff caller, String username, String role) {
        String name = StaffUser.normalizeUsername(username);
        authorize(caller, "add", name == null ? "" : name, false);
        StaffRole staffRole = role(role);
        if (name == null || name.isEmpty()) {
            throw new InvalidField("username", "is required");
        }
        if (users.withUsername(name).isPresent()) {
            throw new InvalidField("username", "is taken");
        }
        String password = ids.randomToken(TEMPORARY_PASSWORD_LENGTH);
        StaffUser user;
        try {
            user = StaffUser.register(ids.newId(), name, hashing.hash(password.toCharArray()), Set.of(staffRole), clock.instant());
        } catch (IllegalArgumentException | InvalidValue bad) {
            throw new InvalidField("username", "must be 2-64 characters of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit");
        }
        users.add(user);
        audit.record(caller.merchantId(), "staff.added", subject(user.username()), "role " + staffRole.name());
        return new Issued(user.username(), password);
    }

    /** Gives a staff user one role instead of theirs. */
    public void changeRole(Caller.Staff caller, String username, String role) {
        StaffUser user = target(caller, "change role", username);
        StaffRole staffRole = role(role);
        user.changeRoles(Set.of(staffRole));
        users.update(user);
        audit.record(caller.merchantId(), "staff.role-changed", subject(user.username()), "role " + staffRole.name());
    }

    /** A new generated password and no second factor: the user enrols again at the next sign-in. */
    public Issued reset(Caller.Staff caller, String username) {
        StaffUser user = target(caller, "reset", username);
        String password = ids.randomToken(TEMPORARY_PASSWORD_LENGTH);
        user.resetCredentials(hashing.hash(password.toCharArray()));
        users.update(user);
        audit.record(caller.merchantId(), "staff.reset", subject(user.username()), "new password; second factor removed");
        return new Issued(user.username(), password);
    }

    public void enable(Caller.Staff caller, String username, boolean enabled) {
        StaffUser user = target(caller, enabled ? "enable" : "disable", username);
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        users.update(user);
        audit.record(caller.merchantId(), enabled ? "staff.enabled" : "staff.disabled", subject(user.username()), "");
    }

    private StaffUser target(Caller.Staff caller, String action, String username) {
        String name = StaffUser.normalizeUsername(username);
        authorize(caller, action, name == null ? "" : name, true);
        return users.withUsername(name == null ? "" : name).orElseThrow(() -> new NotFound("staff user " + username));
    }

    /** Refuses (audited) unless the caller is a fresh-second-factor administrator acting on someone else. */
    private void authorize(Caller.Staff caller, String action, String target, boolean existingAccount) {
        String me = StaffUser.normalizeUsername(caller.username());
        if (!caller.administrator()) {
            refuse(caller, action, target, Reason.NOT_ADMINISTRATOR, "Only administrators manage staff users.");
        }
        if (existingAccount && target.equals(me)) {
            refuse(caller, action, target, Reason.OWN_ACCOUNT,
                "You cannot " + action + " your own account; another administrator can.");
        }
        if (!caller.secondFactorEnrolled()) {
            refuse(caller, action, target, Reason.NO_SECOND_FACTOR,
                "Managing staff needs your second factor: set up two-factor authentication first.");
        }
        Instant now = clock.instant();
        boolean fresh = caller.secondFactorVerifiedAt()
            .filter(at -> !at.isAfter(now) && !at.plus(FRESH_SECOND_FACTOR).isBefore(now))
            .isPresent();
        if (!fresh) {
            refuse(caller, action, target, Reason.STALE_SECOND_FACTOR,
                "Managing staff needs a second-factor code entered in the last " + FRESH_SECOND_FACTOR.toMinutes() + " minutes.");
        }
    }

    private void refuse(Caller.Staff caller, String action, String target, Reason reason, String message) {
        audit.record(caller.merchantId(), "staff.refused", subject(target),
            action + ": " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        throw new StaffActionRefused(reason, message);
    }

    private static String subject(String username) {
        return "staff user " + username;
    }

    private static StaffRole role(String role) {
        try {
            return StaffRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidField("role", "pick administrator, developer or viewer");
        }
    }
}
