package dev.payhooks.admin;

import dev.payhooks.admin.security.SignedInStaff;
import jakarta.inject.Inject;

/**
 * What every console model knows of the signed-in staff member: who they are and whether they
 * may change the merchant's configuration. The use cases decide from {@link SignedInStaff#caller()};
 * the views only ask, for their second-factor gate and to disable buttons.
 */
public abstract class ConsoleModel {

    @Inject
    protected SignedInStaff signedIn;

    /** The signed-in username, or empty (for the view's second-factor gate). */
    public String caller() {
        return signedIn.username();
    }

    /** Whether the signed-in member may change what the view shows (the view disables its buttons otherwise). */
    public boolean mayChange() {
        return signedIn.caller().mayChange();
    }
}
