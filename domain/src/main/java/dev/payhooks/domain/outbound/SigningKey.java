package dev.payhooks.domain.outbound;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Set;

/**
 * A key a delivery is signed with: the bytes an HMAC is keyed with, or an Ed25519 private key.
 * A merchant's {@link WebhookSecret} gives its base64-decoded bytes (Standard Webhooks); a
 * Source Key (an API key, {@code phk_…}) has no such encoding and gives its UTF-8 text; an
 * {@link AsymmetricSigningKey} gives its private key. Never printed.
 */
public final class SigningKey {

    private static final Set<String> ED25519_ALGORITHMS = Set.of("Ed25519", "EdDSA");

    private final byte[] bytes;
    private final PrivateKey privateKey;

    private SigningKey(byte[] bytes, PrivateKey privateKey) {
        if (bytes != null && bytes.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.bytes = bytes;
        this.privateKey = privateKey;
    }

    public static SigningKey of(WebhookSecret secret) {
        return new SigningKey(secret.hmacKey(), null);
    }

    public static SigningKey ofSourceKey(String apiKeyPlaintext) {
        Objects.requireNonNull(apiKeyPlaintext, "apiKeyPlaintext");
        return new SigningKey(apiKeyPlaintext.getBytes(StandardCharsets.UTF_8), null);
    }

    public static SigningKey ofEd25519(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (!ED25519_ALGORITHMS.contains(key.getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
        return new SigningKey(null, key);
    }

    /** Whether this is an Ed25519 private key (Standard Webhooks {@code v1a}) rather than an HMAC key ({@code v1}). */
    public boolean asymmetric() {
        return privateKey != null;
    }

    /** A copy of the HMAC key, for the delivery signer. */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("an Ed25519 key has no HMAC bytes");
        }
        return bytes.clone();
    }

    /** The Ed25519 private key, for the delivery signer. */
    public PrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("an HMAC key has no private key");
        }
        return privateKey;
    }

    @Override
    public String toString() {
        return asymmetric() ? "SigningKey[Ed25519 …]" : "SigningKey[…]";
    }
}
