package dev.payhooks.domain.inbound;

/**
 * Free-text reasons and errors come from exception messages and provider answers of any
 * length; they are shortened rather than refused, because refusing would lose the very
 * failure they describe.
 */
final class Reasons {

    private Reasons() {
    }

    static String shortened(String reason, String name, int maxLength) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        String trimmed = reason.strip();
        return trimmed.length() <= maxLength ? trimmed : trimmed.substring(0, maxLength - 1) + "…";
    }
}
