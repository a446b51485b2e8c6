package dev.payhooks.domain.outbound;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.port.SealedSecret;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's own signing secret ("Signature Key" in the console and API), one per merchant, sealed.
 *
 * <p>After a rotation the previous secret still signs for {@link #PREVIOUS_KEY_VALIDITY}, so
 * receivers can switch to the new secret without rejecting deliveries meanwhile. The window is
 * half-open: at exactly 24 h after the rotation the previous secret no longer signs. A second
 * rotation within the window drops the oldest secret at once — what an admin wants when a
 * secret leaked.
 */
public final class SignatureKey extends Aggregate {

    public static final Duration PREVIOUS_KEY_VALIDITY = KeyRotation.PREVIOUS_KEY_VALIDITY;

    private final String merchantId;
    private final KeyRotation<SealedSecret> secrets;
    private final Instant createdAt;

    private SignatureKey(String merchantId, SealedSecret current, Instant createdAt, SealedSecret previous,
                         Instant rotatedAt, long version) {
        super(version);
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.secrets = new KeyRotation<>(current, previous, rotatedAt);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
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

    /** Makes {@code newSecret} current; the current one stays valid as the previous for 24 h. */
    public void rotate(SealedSecret newSecret, Instant at) {
        secrets.rotate(newSecret, at);
    }

    /** The current secret, then the previous one while it is still within its 24 h. */
    public List<SealedSecret> keysToSignWith(Instant now) {
        return secrets.validAt(now);
    }

    public String merchantId() { return merchantId; }
    public SealedSecret current() { return secrets.current(); }
    public Instant createdAt() { return createdAt; }
    public Optional<SealedSecret> previous() { return secrets.previous(); }
    public Optional<Instant> rotatedAt() { return secrets.rotatedAt(); }

    @Override
    public String toString() {
        return "SignatureKey[merchant=" + merchantId + ", rotatedAt=" + secrets.rotatedAt().orElse(null) + "]";
    }
}
