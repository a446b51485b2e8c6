package dev.payhooks.domain.error;

/** The request clashes with the current state: a duplicate, or a change made meanwhile. */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super("conflict", message);
    }
}
