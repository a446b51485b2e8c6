package dev.payhooks.application.staff;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.Merchants;
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
import java.util.Optional;
import java.util.Set;

/**
 * The one gate of every staff action: add, change role, reset (password and second factor),
 * enable and disable. The caller must be an enabled administrator (a {@link Caller.Staff} as
 * stored when the request began, not as the session remembers), with a second factor enrolled and
 * passed in its session within the last
 * {@link #FRESH_SECOND_FACTOR}, and may not act on their own account (no reset of their own
 * factor, no change of their own role, no disabling themselves). An administrator of one merchant
 * sees and manages only that merchant's staff; only an operator manages operators and staff of
 * other merchants, and makes new operators. Each attempt is audited: the
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

    /**
     * Whom a new staff member belongs to: the merchant {@code merchantId} (blank: the one the caller
     * acts for), or, for an {@code operator}, no merchant.
     */
    public record Membership(String merchantId, boolean operator) {
        public Membership {
            merchantId = operator || merchantId == null ? "" : merchantId.trim();
        }

        /** The merchant the caller acts for. */
        public static Membership callersMerchant() {
            return new Membership("", false);
        }

        public static Membership merchant(String merchantId) {
            return new Membership(merchantId, false);
        }

        public static Membership operatorStaff() {
            return new Membership("", true);
        }
    }

    private final StaffUsers users;
    private final Merchants merchants;
    private final PasswordHashing hashing;
    private final IdGenerator ids;
    private final AuditRecorder audit;
    private final Clock clock;

    public ManageStaff(StaffUsers users, Merchants merchants, PasswordHashing hashing, IdGenerator ids, AuditRecorder audit,
                       Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.merchants = Objects.requireNonNull(merchants);
        this.hashing = Objects.requireNonNull(hashing);
        this.ids = Objects.requireNonNull(ids);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The staff an administrator manages (no second factor needed to look): every one for an
     * operator, otherwise the members of the caller's merchant.
     */
    public List<StaffUser> list(Caller.Staff caller) {
        if (!caller.administrator()) {
            throw new NotPermitted("Only administrators manage staff users.");
        }
        return users.all().stream().filter(user -> inReach(caller, user)).toList();
    }

    /** Adds a staff user with one role, belonging to {@code membership}, and a generated password. */
    public Issued add(Caller.Staff caller, String username, String role, Membership membership) {
        String name = StaffUser.normalizeUsername(username);
        authorize(caller, "add", name == null ? "" : name, false);
        Membership to = membership == null ? Membership.callersMerchant() : membership;
        String merchantId = to.merchantId().isEmpty() ? caller.merchantId() : to.merchantId();
        if ((to.operator() || !merchantId.equals(caller.merchantId())) && !caller.operator()) {
            refuse(caller, "add", name == null ? "" : name, Reason.NOT_OPERATOR,
                "Only operators add operators or staff of another merchant.");
        }
        StaffRole staffRole = role(role);
        if (!to.operator() && merchants.byId(merchantId).isEmpty()) {
            throw new InvalidField("merchant", "pick one of the merchants");
        }
        if (name == null || name.isEmpty()) {
            throw new InvalidField("username", "is required");
        }
        if (users.withUsername(name).isPresent()) {
            throw new InvalidField("username", "is taken");
        }
        String password = ids.randomToken(TEMPORARY_PASSWORD_LENGTH);
        String hash = hashing.hash(password.toCharArray());
        StaffUser user;
        try {
            user = to.operator()
                ? StaffUser.registerOperator(ids.newId(), name, hash, Set.of(staffRole), clock.instant())
                : StaffUser.register(ids.newId(), name, hash, Set.of(staffRole), merchantId, clock.instant());
        } catch (IllegalArgumentException | InvalidValue bad) {
            throw new InvalidField("username", "must be 2-64 characters of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit");
        }
        users.add(user);
        audit.record(auditMerchant(caller, user), "staff.added", subject(user.username()),
            "role " + staffRole.name() + (user.operator() ? ", operator" : ""));
        return new Issued(user.username(), password);
    }

    /** Gives a staff user one role instead of theirs. */
    public void changeRole(Caller.Staff caller, String username, String role) {
        StaffUser user = target(caller, "change role", username);
        StaffRole staffRole = role(role);
        user.changeRoles(Set.of(staffRole));
        users.update(user);
        audit.record(auditMerchant(caller, user), "staff.role-changed", subject(user.username()), "role " + staffRole.name());
    }

    /** A new generated password and no second factor: the user enrols again at the next sign-in. */
    public Issued reset(Caller.Staff caller, String username) {
        StaffUser user = target(caller, "reset", username);
        String password = ids.randomToken(TEMPORARY_PASSWORD_LENGTH);
        user.resetCredentials(hashing.hash(password.toCharArray()));
        users.update(user);
        audit.record(auditMerchant(caller, user), "staff.reset", subject(user.username()), "new password; second factor removed");
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
        audit.record(auditMerchant(caller, user), enabled ? "staff.enabled" : "staff.disabled", subject(user.username()), "");
    }

    private StaffUser target(Caller.Staff caller, String action, String username) {
        String name = StaffUser.normalizeUsername(username);
        authorize(caller, action, name == null ? "" : name, true);
        StaffUser user = users.withUsername(name == null ? "" : name).orElseThrow(() -> new NotFound("staff user " + username));
        if (!inReach(caller, user)) {
            refuse(caller, action, user.username(), Reason.NOT_OPERATOR,
                "Only operators manage operators and staff of other merchants.");
        }
        return user;
    }

    /** Whether {@code caller} manages {@code user}: an operator anyone, others only their own merchant's members. */
    private static boolean inReach(Caller.Staff caller, StaffUser user) {
        return caller.operator() || user.merchantId().filter(caller.merchantId()::equals).isPresent();
    }

    /** Where a change to {@code user} is audited: their merchant's trail, or the caller's for an operator. */
    private static String auditMerchant(Caller.Staff caller, StaffUser user) {
        Optional<String> own = user.merchantId();
        return own.orElse(caller.merchantId());
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
