package dev.payhooks.domain.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes an HMAC is keyed with. A merchant's {@link WebhookSecret} gives its base64-decoded
 * bytes (Standard Webhooks); a Source Key (an API key, {@code phk_…}) has no such encoding and
 * gives its UTF-8 text. Never printed.
 */
public final class SigningKey {

    private final byte[] bytes;

    private SigningKey(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.bytes = bytes;
    }

    public static SigningKey of(WebhookSecret secret) {
        return new SigningKey(secret.hmacKey());
    }

    public static SigningKey ofSourceKey(String apiKeyPlaintext) {
        Objects.requireNonNull(apiKeyPlaintext, "apiKeyPlaintext");
        return new SigningKey(apiKeyPlaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the HMAC key, for the delivery signer. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[…]";
    }
}
