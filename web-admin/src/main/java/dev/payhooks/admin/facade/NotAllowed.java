package dev.payhooks.admin.facade;

/** The signed-in staff member's role does not allow this change (viewers only look). */
public class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
        super(message);
    }
}
