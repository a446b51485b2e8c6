package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.AsymmetricSigningKey;
import dev.payhooks.domain.outbound.AsymmetricSigningKeys;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** {@link AsymmetricSigningKeys} on JPA, one row per merchant with the current and the previous pair. The caller owns the transaction. */
public class JpaAsymmetricSigningKeys extends JpaRepository<AsymmetricSigningKeyEntity> implements AsymmetricSigningKeys {

    public JpaAsymmetricSigningKeys(EntityManager em) {
        super(em, AsymmetricSigningKeyEntity.class);
    }

    @Override
    public Optional<AsymmetricSigningKey> ofMerchant(String merchantId) {
        return find(merchantId).map(JpaAsymmetricSigningKeys::toDomain);
    }

    /** Checked first so the usual case gets a Conflict; two first uses racing meet the primary key at flush. */
    @Override
    public void add(AsymmetricSigningKey key) {
        AsymmetricSigningKeyEntity e = new AsymmetricSigningKeyEntity();
        e.merchantId = key.merchantId();
        e.createdAt = key.createdAt();
        copyMutableState(key, e);
        store(key.merchantId(), e, () -> new Conflict("the merchant has an Ed25519 key already"));
    }

    @Override
    public void update(AsymmetricSigningKey key) {
        change(key.merchantId(), key.version(), () -> new Conflict("the Ed25519 key was rotated meanwhile"),
            entity -> copyMutableState(key, entity));
    }

    private static AsymmetricSigningKey toDomain(AsymmetricSigningKeyEntity e) {
        AsymmetricSigningKey.Pair previous = e.previousKeyId == null ? null
            : new AsymmetricSigningKey.Pair(e.previousKeyId, e.previousPublicKey, new SealedSecret(e.previousPrivateKey));
        return AsymmetricSigningKey.reconstitute(e.merchantId,
            new AsymmetricSigningKey.Pair(e.currentKeyId, e.currentPublicKey, new SealedSecret(e.currentPrivateKey)),
            e.createdAt, previous, e.rotatedAt, e.version());
    }

    private static void copyMutableState(AsymmetricSigningKey k, AsymmetricSigningKeyEntity e) {
        e.currentKeyId = k.current().keyId();
        e.currentPublicKey = k.current().publicKey();
        e.currentPrivateKey = k.current().privateKey().value();
        Optional<AsymmetricSigningKey.Pair> previous = k.previous();
        e.previousKeyId = previous.map(AsymmetricSigningKey.Pair::keyId).orElse(null);
        e.previousPublicKey = previous.map(AsymmetricSigningKey.Pair::publicKey).orElse(null);
        e.previousPrivateKey = previous.map(p -> p.privateKey().value()).orElse(null);
        e.rotatedAt = k.rotatedAt().orElse(null);
    }
}
