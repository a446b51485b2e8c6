package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.AsymmetricSigningKey;
import dev.payhooks.domain.outbound.AsymmetricSigningKeys;
import dev.payhooks.domain.port.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A merchant's Ed25519 key pair: made on first use (the first subscription signing with it),
 * rotated on request by a caller who may change the merchant's configuration (audited), its
 * private keys opened to sign deliveries, its public keys published for receivers. The caller
 * owns the transaction.
 */
public record ManageAsymmetricSigningKeys(AsymmetricSigningKeys keys, Secrets secrets, Clock clock, AuditRecorder audit) {

    /** A public key as receivers get it: a JWK's {@code kid} and {@code x}. */
    public record PublishedKey(String keyId, String publicKey) { }

    private static final String ED25519 = "Ed25519";
    /** An X.509 Ed25519 public key is a fixed 12-byte prefix and the raw 32-byte key. */
    private static final int RAW_PUBLIC_KEY_BYTES = 32;

    /** The merchant's pair, made now if it has none. */
    public AsymmetricSigningKey ensure(String merchantId) {
        return keys.ofMerchant(merchantId).orElseGet(() -> {
            AsymmetricSigningKey key = AsymmetricSigningKey.create(merchantId, newPair(merchantId), clock.instant());
            keys.add(key);
            audit.record(merchantId, "ed25519-key.created", "Ed25519 key", key.current().keyId());
            return key;
        });
    }

    /** A new current pair; the old one keeps signing and stays published for 24 h. Needs the right to change the merchant's configuration. */
    public AsymmetricSigningKey rotate(Caller caller) {
        String merchantId = caller.requireMayChange();
        if (keys.ofMerchant(merchantId).isEmpty()) {
            return ensure(merchantId);
        }
        AsymmetricSigningKey key = keys.ofMerchant(merchantId).orElseThrow();
        key.rotate(newPair(merchantId), clock.instant());
        keys.update(key);
        audit.record(merchantId, "ed25519-key.rotated", "Ed25519 key",
            key.current().keyId() + "; the previous key keeps signing for 24 hours");
        return key;
    }

    /** The public keys receivers may verify with now (anyone may read them); {@link NotFound} while the merchant has none. */
    public List<PublishedKey> published(String merchantId) {
        AsymmetricSigningKey key = keys.ofMerchant(merchantId).orElseThrow(() -> new NotFound("Ed25519 key"));
        return key.validAt(clock.instant()).stream().map(p -> new PublishedKey(p.keyId(), p.publicKey())).toList();
    }

    /** The private keys a delivery made now is signed with: the current one, and the previous during the 24 h after a rotation. */
    public List<PrivateKey> keysToSignWith(String merchantId) {
        AsymmetricSigningKey key = keys.ofMerchant(merchantId).orElseThrow(() -> new NotFound("Ed25519 key"));
        return key.validAt(clock.instant()).stream().map(pair -> open(merchantId, pair)).toList();
    }

    private AsymmetricSigningKey.Pair newPair(String merchantId) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ED25519).generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - RAW_PUBLIC_KEY_BYTES, encoded.length);
            String x = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            String sealed = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            return new AsymmetricSigningKey.Pair(thumbprint(x), x,
                secrets.seal(sealed, AsymmetricSigningKey.secretContext(merchantId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
        }
    }

    private PrivateKey open(String merchantId, AsymmetricSigningKey.Pair pair) {
        byte[] pkcs8 = Base64.getDecoder().decode(secrets.open(pair.privateKey(), AsymmetricSigningKey.secretContext(merchantId)));
        try {
            return KeyFactory.getInstance(ED25519).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            // no cause: it could carry key material
            throw new IllegalStateException("the stored Ed25519 key " + pair.keyId() + " of merchant " + merchantId
                + " is not a private key");
        }
    }

    /** RFC 7638: SHA-256 over the JWK's required members in lexical order, base64url. */
    static String thumbprint(String x) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
