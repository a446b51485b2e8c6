package dev.payhooks.domain.inbound;

/**
 * What makes a provider notification the same notification when the provider sends it again
 * (Adyen: pspReference, eventCode, success, originalReference; Walley: content and correlation
 * id; Annanow: transaction and status). Unique per provider within the merchant's channel that
 * received it ({@link InboundNotifications#store}); each provider adapter builds it.
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

    /**
     * A key from the parts that identify a notification, joined by ':'. When that is longer than
     * {@link #MAX_LENGTH}, the first part (the kind) is kept readable and the rest is replaced by
     * its SHA-256, so distinct content still gets distinct keys.
     */
    public static NotificationKey of(String kind, String... parts) {
        StringBuilder joined = new StringBuilder(kind);
        for (String part : parts) {
            joined.append(':').append(part == null ? "" : part);
        }
        if (joined.length() <= MAX_LENGTH) {
            return new NotificationKey(joined.toString());
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(joined.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String prefix = kind.length() > 100 ? kind.substring(0, 100) : kind;
            return new NotificationKey(prefix + ":sha256:" + java.util.HexFormat.of().formatHex(hash));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
