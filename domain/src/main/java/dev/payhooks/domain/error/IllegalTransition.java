package dev.payhooks.domain.error;

/**
 * An operation that the current state of an aggregate does not allow, e.g. refunding a
 * cancelled transaction. The message names the subject, its state and the attempt.
 */
public final class IllegalTransition extends DomainException {

    private final String state;
    private final String attempted;

    public IllegalTransition(String subject, String state, String attempted, String allowed) {
        super("illegal_transition",
            "cannot " + attempted + ": " + subject + " is " + state + " (allowed there: " + allowed + ")");
        this.state = state;
        this.attempted = attempted;
    }

    public String state() { return state; }
    public String attempted() { return attempted; }
}
