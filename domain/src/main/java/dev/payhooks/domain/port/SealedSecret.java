package dev.payhooks.domain.port;

/**
 * An encrypted secret in its stored text form. Its {@code toString} never shows the value,
 * so a sealed secret in a log line or an exception message reveals nothing.
 */
public record SealedSecret(String value) {

    public SealedSecret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sealed secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "SealedSecret[…]";
    }

    /**
     * How a secret is shown to staff: the last four characters of long secrets, nothing of short
     * ones (four of six characters would give most of it away).
     */
    public static String mask(String plaintext) {
        if (plaintext == null || plaintext.isEmpty()) {
            return "";
        }
        return plaintext.length() >= 12 ? "••••" + plaintext.substring(plaintext.length() - 4) : "••••";
    }
}
