package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.SealedSecret;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A merchant's Ed25519 key pair ("Ed25519 (public key)" in the console and API), one per
 * merchant, shared by every subscription that signs with it. The private key is sealed; the
 * public key is published (JWKS) so receivers verify without sharing a secret.
 *
 * <p>Rotation works as for the {@link SignatureKey} ({@link RotatingKey}): after a rotation the
 * previous pair still signs, and stays published, for 24 hours; a second rotation within that
 * window drops the oldest pair at once. {@link #validAt} gives the pairs a delivery made now is
 * signed with and whose public keys are published.
 */
public final class AsymmetricSigningKey extends RotatingKey<AsymmetricSigningKey.Pair> {

    /** A base64url (no padding) Ed25519 public key: 32 bytes. */
    private static final Pattern PUBLIC_KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * One key pair.
     *
     * @param keyId      its JWK thumbprint (RFC 7638), which receivers see as {@code kid}
     * @param publicKey  the raw 32-byte public key, base64url without padding (the JWK's {@code x})
     * @param privateKey the PKCS#8 private key, sealed in {@link #secretContext}
     */
    public record Pair(String keyId, String publicKey, SealedSecret privateKey) {
        public Pair {
            if (keyId == null || keyId.isBlank() || keyId.length() > 64) {
                throw new IllegalArgumentException("a key id of at most 64 characters is needed");
            }
            if (publicKey == null || !PUBLIC_KEY.matcher(publicKey).matches()) {
                throw new IllegalArgumentException("an Ed25519 public key is 32 bytes in base64url");
            }
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    private AsymmetricSigningKey(String merchantId, Pair current, Instant createdAt, Pair previous, Instant rotatedAt,
                                 long version) {
        super(merchantId, current, createdAt, previous, rotatedAt, version);
    }

    public static AsymmetricSigningKey create(String merchantId, Pair first, Instant at) {
        return new AsymmetricSigningKey(merchantId, first, at, null, null, 0);
    }

    public static AsymmetricSigningKey reconstitute(String merchantId, Pair current, Instant createdAt, Pair previous,
                                                    Instant rotatedAt, long version) {
        return new AsymmetricSigningKey(merchantId, current, createdAt, previous, rotatedAt, version);
    }

    /** The context every private key of the merchant is sealed in. */
    public static String secretContext(String merchantId) {
        return "ed25519-key/" + merchantId;
    }

    @Override
    public String toString() {
        return "AsymmetricSigningKey[merchant=" + merchantId() + ", kid=" + current().keyId() + "]";
    }
}
