package dev.payhooks.admin.staff;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.staff.ManageStaff;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.staff.StaffActionRefused;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The staff view's model. Every staff action goes through {@link ManageStaff}, which decides:
 * an administrator whose session passed the second factor in the last 15 minutes, acting on
 * someone else. A refusal is audited and thrown as {@link StaffActionRefused}, which commits (the
 * audit entry is all it wrote).
 */
@ApplicationScoped
@Transactional
public class StaffModel extends ConsoleModel {

    static final String ADMINISTRATORS_ONLY = "Only administrators manage staff users.";
    static final int TEMPORARY_PASSWORD_LENGTH = ManageStaff.TEMPORARY_PASSWORD_LENGTH;

    /** The option that makes a new member an operator. */
    static final String OPERATOR = "operator";

    @Inject
    ManageStaff manageStaff;
    @Inject
    ManageMerchants manageMerchants;

    /** Whether the signed-in member may manage staff (the view shows only a note otherwise). */
    public boolean mayManageStaff() {
        return signedIn.caller().administrator();
    }

    public List<StaffRow> staff() {
        Caller.Staff caller = signedIn.caller();
        String me = StaffUser.normalizeUsername(caller.username());
        Map<String, String> names = merchantNames(caller);
        return NotAllowed.mapping(ADMINISTRATORS_ONLY, () -> manageStaff.list(caller)).stream()
            .map(u -> new StaffRow(u.username(), u.roles().stream().map(Enum::name).sorted().toList(), u.enabled(),
                u.secondFactor().isPresent(), u.createdAt(), u.username().equals(me),
                u.merchantId().map(id -> names.getOrDefault(id, id)).orElse("Operator — every merchant")))
            .toList();
    }

    /**
     * Whom an operator may add a member to: the merchant they act for first, the other merchants,
     * and operator; empty for everyone else, whose new members belong to their own merchant.
     */
    public List<Option> memberships() {
        Caller.Staff caller = signedIn.caller();
        List<Merchant> merchants = manageMerchants.actingChoices(caller);
        if (merchants.isEmpty()) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        merchants.stream().filter(m -> m.id().equals(caller.merchantId()))
            .forEach(m -> options.add(new Option(m.id(), m.name())));
        merchants.stream().filter(m -> !m.id().equals(caller.merchantId()))
            .forEach(m -> options.add(new Option(m.id(), m.name())));
        options.add(new Option(OPERATOR, "Operator — every merchant, and merchants themselves"));
        return options;
    }

    private Map<String, String> merchantNames(Caller.Staff caller) {
        return manageMerchants.actingChoices(caller).stream().collect(Collectors.toMap(Merchant::id, Merchant::name));
    }

    /**
     * Adds a staff user with one role and a generated password, shown this once; {@code membership}
     * is an option of {@link #memberships()} (empty: the merchant the caller acts for).
     */
    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public TemporaryPassword addStaff(String username, String role, String membership) {
        String chosen = membership == null ? "" : membership;
        ManageStaff.Membership to = OPERATOR.equals(chosen) ? ManageStaff.Membership.operatorStaff()
            : ManageStaff.Membership.merchant(chosen);
        ManageStaff.Issued issued = manageStaff.add(signedIn.caller(), username, role, to);
        return new TemporaryPassword(issued.username(), issued.password());
    }

    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public void changeStaffRole(String username, String role) {
        manageStaff.changeRole(signedIn.caller(), username, role);
    }

    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public void enableStaff(String username, boolean enabled) {
        manageStaff.enable(signedIn.caller(), username, enabled);
    }

    /** A new generated password (shown this once) and no second factor: the user enrols again at the next sign-in. */
    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public TemporaryPassword resetStaff(String username) {
        ManageStaff.Issued issued = manageStaff.reset(signedIn.caller(), username);
        return new TemporaryPassword(issued.username(), issued.password());
    }

    /** A role as staff read it ("Administrator" for {@code ADMINISTRATOR}). */
    public static String roleName(String role) {
        return role.isEmpty() ? role : role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public List<Option> staffRoles() {
        return Arrays.stream(StaffRole.values())
            .map(r -> new Option(r.name(), switch (r) {
                case ADMINISTRATOR -> "Administrator — everything, and staff users";
                case DEVELOPER -> "Developer — webhooks, secrets, channel settings";
                case VIEWER -> "Viewer — looks only";
            })).toList();
    }
}
