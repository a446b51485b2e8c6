package dev.payhooks.domain.merchant;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.Required;
import dev.payhooks.domain.port.SealedSecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's key to the management API. Found by the SHA-256 of the presented key; the key
 * itself is kept sealed too, because it doubles as the "Source Key" that signs outbound
 * webhooks and so must be recoverable.
 */
public final class ApiKey extends Aggregate {

    public static final String PREFIX = "phk_";
    static final int RANDOM_LENGTH = 40;

    private final String id;
    private final String merchantId;
    private final String label;
    private final String displayPrefix;
    private final String keyHash;
    private final SealedSecret sealedKey;
    private final Instant createdAt;
    private Instant revokedAt;

    private ApiKey(String id, String merchantId, String label, String displayPrefix, String keyHash,
                   SealedSecret sealedKey, Instant createdAt, Instant revokedAt, long version) {
        super(version);
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.label = validLabel(label);
        this.displayPrefix = shownForm(Objects.requireNonNull(displayPrefix, "displayPrefix"));
        this.keyHash = Objects.requireNonNull(keyHash, "keyHash");
        this.sealedKey = Objects.requireNonNull(sealedKey, "sealedKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.revokedAt = revokedAt;
    }

    /** A new key for a plaintext made by {@link #newPlaintext}; the caller seals it. */
    public static ApiKey issue(String id, String merchantId, String label, String plaintext, SealedSecret sealedKey, Instant at) {
        return new ApiKey(id, merchantId, label, displayPrefixOf(plaintext), hash(plaintext), sealedKey, at, null, 0);
    }

    public static ApiKey reconstitute(String id, String merchantId, String label, String displayPrefix, String keyHash,
                                      SealedSecret sealedKey, Instant createdAt, Instant revokedAt, long version) {
        return new ApiKey(id, merchantId, label, displayPrefix, keyHash, sealedKey, createdAt, revokedAt, version);
    }

    /** {@code phk_} and 40 random characters of [a-z0-9] (about 206 bits). */
    public static String newPlaintext(String randomPart) {
        if (randomPart == null || !randomPart.matches("[a-z0-9]{" + RANDOM_LENGTH + "}")) {
            throw new IllegalArgumentException("an API key needs " + RANDOM_LENGTH + " random characters of a-z, 0-9");
        }
        return PREFIX + randomPart;
    }

    /** Whether a presented string has the shape of a key at all (checked before any lookup). */
    public static boolean wellFormed(String presented) {
        return presented != null && presented.length() == PREFIX.length() + RANDOM_LENGTH
            && presented.startsWith(PREFIX) && presented.substring(PREFIX.length()).matches("[a-z0-9]+");
    }

    public static String hash(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The context the key is sealed in. */
    public static String secretContext(String keyId) {
        return "api-key/" + keyId;
    }

    /**
     * How staff see a key: {@code phk_} and the mask of the rest, at most its last four characters
     * ({@code phk_••••wxyz}); enough to tell keys apart, too little to guess any.
     */
    public static String mask(String plaintext) {
        if (plaintext == null || !plaintext.startsWith(PREFIX)) {
            return PREFIX + "••••";
        }
        return PREFIX + SealedSecret.mask(plaintext.substring(PREFIX.length()));
    }

    static String displayPrefixOf(String plaintext) {
        return mask(plaintext);
    }

    /**
     * Keys issued before masks showed the first six random characters and an ellipsis
     * ({@code phk_abcdef…}); from those, nothing but {@code phk_••••} is shown.
     */
    static String shownForm(String stored) {
        return stored != null && stored.matches("phk_••••[a-z0-9]{4}") ? stored : PREFIX + "••••";
    }

    static String validLabel(String label) {
        return Required.trimmedText(label, "label", 100);
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public String id() { return id; }
    public String merchantId() { return merchantId; }
    public String label() { return label; }
    /** The key as staff see it, masked: {@link #mask}. */
    public String displayPrefix() { return displayPrefix; }
    public String keyHash() { return keyHash; }
    public SealedSecret sealedKey() { return sealedKey; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> revokedAt() { return Optional.ofNullable(revokedAt); }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + label + ", " + displayPrefix + "]";
    }
}
