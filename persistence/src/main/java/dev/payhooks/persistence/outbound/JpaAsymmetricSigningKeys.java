package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.AsymmetricSigningKey;
import dev.payhooks.domain.outbound.AsymmetricSigningKeys;
import dev.payhooks.domain.port.SealedSecret;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** {@link AsymmetricSigningKeys} on JPA, one row per merchant with the current and the previous pair. The caller owns the transaction. */
public class JpaAsymmetricSigningKeys extends JpaRotatingKeys<AsymmetricSigningKey, AsymmetricSigningKeyEntity>
    implements AsymmetricSigningKeys {

    public JpaAsymmetricSigningKeys(EntityManager em) {
        super(em, AsymmetricSigningKeyEntity.class, AsymmetricSigningKeyEntity::new, "an Ed25519 key", "the Ed25519 key");
    }

    @Override
    AsymmetricSigningKey toDomain(AsymmetricSigningKeyEntity e) {
        AsymmetricSigningKey.Pair previous = e.previousKeyId == null ? null
            : new AsymmetricSigningKey.Pair(e.previousKeyId, e.previousPublicKey, new SealedSecret(e.previousPrivateKey));
        return AsymmetricSigningKey.reconstitute(e.merchantId,
            new AsymmetricSigningKey.Pair(e.currentKeyId, e.currentPublicKey, new SealedSecret(e.currentPrivateKey)),
            e.createdAt, previous, e.rotatedAt, e.version());
    }

    @Override
    void copyValues(AsymmetricSigningKey k, AsymmetricSigningKeyEntity e) {
        e.currentKeyId = k.current().keyId();
        e.currentPublicKey = k.current().publicKey();
        e.currentPrivateKey = k.current().privateKey().value();
        Optional<AsymmetricSigningKey.Pair> previous = k.previous();
        e.previousKeyId = previous.map(AsymmetricSigningKey.Pair::keyId).orElse(null);
        e.previousPublicKey = previous.map(AsymmetricSigningKey.Pair::publicKey).orElse(null);
        e.previousPrivateKey = previous.map(p -> p.privateKey().value()).orElse(null);
    }
}
