package dev.payhooks.domain.staff;

import dev.payhooks.domain.error.DomainException;

/**
 * A staff action (add, change role, reset, enable, disable) was refused before anything changed.
 * The refusal itself is in the audit trail, so it must not roll back the caller's transaction.
 */
public final class StaffActionRefused extends DomainException {

    /**
     * Why, so a console can offer the way out (for {@link #STALE_SECOND_FACTOR}: enter a code again);
     * {@link #NOT_OPERATOR}: only operators manage operator staff and staff of other merchants.
     */
    public enum Reason { NOT_ADMINISTRATOR, NO_SECOND_FACTOR, STALE_SECOND_FACTOR, OWN_ACCOUNT, NOT_OPERATOR }

    private final Reason reason;

    public StaffActionRefused(Reason reason, String message) {
        super("not_allowed", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
