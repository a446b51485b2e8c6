package dev.payhooks.domain.error;

/** The caller is known but may not do this (a viewer asking for a secret): the API answers 403. */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super("forbidden", message);
    }
}
