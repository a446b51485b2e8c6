package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.RandomBytes;

import java.util.Base64;
import java.util.Objects;

/**
 * A merchant's signing secret in the Standard Webhooks form: {@code whsec_} + base64 of the key
 * bytes. The HMAC key is the decoded bytes, not the text, so receivers can use any Standard
 * Webhooks library with the secret as shown. Never printed.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int GENERATED_BYTES = 32;
    /** Standard Webhooks accepts 24 to 64 bytes. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final String value;
    private final byte[] key;

    private WebhookSecret(String value, byte[] key) {
        this.value = value;
        this.key = key;
    }

    public static WebhookSecret generate(RandomBytes random) {
        byte[] bytes = random.next(GENERATED_BYTES);
        if (bytes == null || bytes.length != GENERATED_BYTES) {
            throw new IllegalStateException("random source gave the wrong number of bytes");
        }
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes), bytes.clone());
    }

    /** A secret in its text form, as stored (sealed) or given by a receiver's docs. */
    public static WebhookSecret parse(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is base64 after " + PREFIX);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + "-" + MAX_BYTES + " bytes");
        }
        return new WebhookSecret(value, key);
    }

    /** The text to seal, or to show the merchant once they proved their second factor. */
    public String reveal() {
        return value;
    }

    byte[] hmacKey() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[…]";
    }
}
