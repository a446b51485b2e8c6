package dev.payhooks.domain.error;

/** The thing asked for does not exist (or belongs to another merchant, which looks the same). */
public class NotFound extends DomainException {

    public NotFound(String what) {
        super("not_found", what + " not found");
    }
}
