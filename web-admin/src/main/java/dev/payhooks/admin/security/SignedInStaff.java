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
 * session that Jakarta Security restored). It acts for the merchant the session chose when the
 * handlers' {@link StaffCallers} allow it (an operator), otherwise for the member's own merchant.
 * The handlers decide from it; the console's models only pass it on.
 */
@ApplicationScoped
public class SignedInStaff {

    @Inject
    SecurityContext security;
    @Inject
    SecondFactorMarks marks;
    @Inject
    StaffCallers callers;
    @Inject
    SessionMerchantChoice choice;

    public SignedInStaff() {
    }

    public SignedInStaff(SecurityContext security, SecondFactorMarks marks, StaffCallers callers, SessionMerchantChoice choice) {
        this.security = security;
        this.marks = marks;
        this.callers = callers;
        this.choice = choice;
    }

    /** The signed-in username, or empty. */
    public String username() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    /**
     * The signed-in member as stored now, with their session's second-factor mark, acting for the
     * merchant their session chose if they may, otherwise for their own.
     */
    public Caller.Staff caller() {
        String username = username();
        return callers.staff(username, marks.verifiedAt(username), choice.chosen(username));
    }

    /** The merchant the console works on for the signed-in member. */
    public String merchantId() {
        return caller().merchantId();
    }

    /** Asks to act for {@code merchantId} from now on in this session ({@link #caller()} decides whether it may). */
    public void actFor(String merchantId) {
        choice.choose(username(), merchantId);
    }
}
