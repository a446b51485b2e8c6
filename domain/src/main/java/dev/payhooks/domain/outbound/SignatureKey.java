package dev.payhooks.domain.outbound;

import dev.payhooks.domain.port.SealedSecret;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A merchant's own signing secret ("Signature Key" in the console and API), one per merchant, sealed.
 *
 * <p>After a rotation the previous secret still signs for {@link #PREVIOUS_KEY_VALIDITY}, so
 * receivers can switch to the new secret without rejecting deliveries meanwhile. The window is
 * half-open: at exactly 24 h after the rotation the previous secret no longer signs. A second
 * rotation within the window drops the oldest secret at once — what an admin wants when a
 * secret leaked.
 */
public final class SignatureKey extends RotatingKey<SealedSecret> {

    public static final Duration PREVIOUS_KEY_VALIDITY = RotatingKey.PREVIOUS_KEY_VALIDITY;

    private SignatureKey(String merchantId, SealedSecret current, Instant createdAt, SealedSecret previous,
                         Instant rotatedAt, long version) {
        super(merchantId, current, createdAt, previous, rotatedAt, version);
    }

    /** The first key of a merchant, sealed in {@link #secretContext}. */
    public static SignatureKey create(String merchantId, SealedSecret secret, Instant at) {
        return new SignatureKey(merchantId, secret, at, null, null, 0);
    }

    public static SignatureKey reconstitute(String merchantId, SealedSecret current, Instant createdAt,
                                            SealedSecret previous, Instant rotatedAt, long version) {
        return new SignatureKey(merchantId, current, createdAt, previous, rotatedAt, version);
    }

    /** The context every secret of the merchant is sealed in (current and previous alike). */
    public static String secretContext(String merchantId) {
        return "signature-key/" + merchantId;
    }

    /** The current secret, then the previous one while it is still within its 24 h ({@link #validAt}). */
    public List<SealedSecret> keysToSignWith(Instant now) {
        return validAt(now);
    }

    @Override
    public String toString() {
        return "SignatureKey[merchant=" + merchantId() + ", rotatedAt=" + rotatedAt().orElse(null) + "]";
    }
}
