package dev.payhooks.domain.provider;

import dev.payhooks.domain.error.DomainException;

/**
 * A notification body the provider adapter cannot read: not the provider's format, a required
 * field missing or of the wrong type, an amount that is not a whole number of minor units… The
 * request is answered 400 with this message; the body is stored for staff and never applied.
 */
public class MalformedNotification extends DomainException {

    public MalformedNotification(String message) {
        super("malformed_notification", message);
    }
}
