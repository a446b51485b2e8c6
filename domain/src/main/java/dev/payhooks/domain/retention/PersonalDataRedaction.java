package dev.payhooks.domain.retention;

import dev.payhooks.domain.payment.ProviderId;

import java.util.Optional;

/**
 * Removes personal data from a stored provider notification body: names, addresses, phone
 * numbers, e-mail addresses, dates of birth and card holder names are replaced by
 * {@link #MARKER}, in a body of the same format that still parses (JSON stays valid JSON, a form
 * stays a form), while ids, amounts, currencies, statuses and references stay as they were.
 */
public interface PersonalDataRedaction {

    /** What a personal value is replaced by. */
    String MARKER = "[redacted]";

    /** The whole body's replacement when it cannot be read field by field (not JSON, not a form). */
    String UNREADABLE = "[redacted: unreadable body]";

    /**
     * The body with its personal fields redacted; {@link #UNREADABLE} (UTF-8) when the body cannot
     * be parsed in the format its content type names. Never throws for any input.
     */
    byte[] redact(ProviderId provider, Optional<String> contentType, byte[] body);
}
