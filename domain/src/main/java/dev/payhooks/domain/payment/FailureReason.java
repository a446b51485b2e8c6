package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

/**
 * Why a provider refused, held back or is retrying an operation, as data: the provider's own
 * code (e.g. Walley's {@code PAYMENT_METHOD_NO_FUNDS}) and a description a person can read. The
 * adapter that knows the provider's codes supplies the description; a code it does not know
 * keeps its code and gets a generic description ({@link #unknown}).
 *
 * @param code        1-64 printable characters, as the provider spelled it (adapters normalise known codes)
 * @param description 1-255 printable characters
 */
public record FailureReason(String code, String description) {

    public static final int MAX_CODE_LENGTH = 64;
    public static final int MAX_DESCRIPTION_LENGTH = 255;

    public FailureReason {
        code = requirePrintable(code, "reason code", MAX_CODE_LENGTH);
        description = requirePrintable(description, "reason description", MAX_DESCRIPTION_LENGTH);
    }

    /** A code the adapter has no description for: kept as given, with a generic description naming the provider. */
    public static FailureReason unknown(String code, String providerName) {
        return new FailureReason(code, "reason not known to the hub, reported by " + providerName);
    }

    /** Whether a text can be a reason code: 1-64 characters, none of them a control character. */
    public static boolean isValidCode(String text) {
        return text != null && !text.isBlank() && text.length() <= MAX_CODE_LENGTH
            && text.chars().noneMatch(Character::isISOControl);
    }

    private static String requirePrintable(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(name + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(name + " " + InvalidValue.echo(value) + " must be at most " + maxLength
                + " printable characters");
        }
        return stripped;
    }
}
