package dev.payhooks.domain.error;

/**
 * A business rule said no. Every subclass carries a stable, machine-readable {@link #code()}
 * so that adapters can answer {@code {"error": code, "message": …}} without parsing messages,
 * and a message that a person can act on.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable lower_snake_case error code, e.g. {@code illegal_transition}. */
    public String code() {
        return code;
    }
}
