package dev.payhooks.domain.inbound;

/**
 * What makes a provider notification the same notification when the provider sends it again
 * (Adyen: pspReference, eventCode, success, originalReference; Walley: content and correlation
 * id; Annanow: transaction and status). Unique per provider; each provider adapter builds it.
 */
public record NotificationKey(String value) {

    public static final int MAX_LENGTH = 200;

    public NotificationKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("notification key must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("notification key must be at most " + MAX_LENGTH
                + " characters (was " + value.length() + "); hash longer content into the key");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
