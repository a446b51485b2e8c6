package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.DomainException;

/**
 * A provider fact arrived again under an event key already applied, but with other content.
 * The same key with the same content is a harmless redelivery; this is not.
 */
public final class ConflictingEvent extends DomainException {

    public ConflictingEvent(String message) {
        super("conflicting_event", message);
    }
}
