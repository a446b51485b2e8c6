package dev.payhooks.domain.error;

/** A business rule said no. Subclasses tell adapters how to answer (bad input, missing, conflict). */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
