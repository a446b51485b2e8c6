package dev.payhooks.admin.security;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.StaffCallers;
import dev.payhooks.domain.staff.SecondFactorMarks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * The signed-in staff member as the use cases see them: read from the staff store on each call,
 * not from the container's role check, so a disabled or demoted member's open session loses its
 * rights at once (on Payara {@code SecurityContext.isCallerInRole} can also answer false for a
 * session that Jakarta Security restored). The handlers decide from it; the console's models only
 * pass it on.
 */
@ApplicationScoped
public class SignedInStaff {

    @Inject
    SecurityContext security;
    @Inject
    SecondFactorMarks marks;
    @Inject
    StaffCallers callers;

    public SignedInStaff() {
    }

    public SignedInStaff(SecurityContext security, SecondFactorMarks marks, StaffCallers callers) {
        this.security = security;
        this.marks = marks;
        this.callers = callers;
    }

    /** The signed-in username, or empty. */
    public String username() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    /** The signed-in member as stored now, with their session's second-factor mark, acting for the console's merchant. */
    public Caller.Staff caller() {
        String username = username();
        return callers.staff(username, marks.verifiedAt(username));
    }

    /** The merchant the console works on. */
    public String merchantId() {
        return callers.installationMerchant();
    }
}
