package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.domain.port.SealedSecret;
import jakarta.persistence.EntityManager;

/** {@link SignatureKeys} on JPA, one row per merchant. The caller owns the transaction. */
public class JpaSignatureKeys extends JpaRotatingKeys<SignatureKey, SignatureKeyEntity> implements SignatureKeys {

    public JpaSignatureKeys(EntityManager em) {
        super(em, SignatureKeyEntity.class, SignatureKeyEntity::new, "a signature key", "the signature key");
    }

    @Override
    SignatureKey toDomain(SignatureKeyEntity e) {
        return SignatureKey.reconstitute(e.merchantId, new SealedSecret(e.currentSecret), e.createdAt,
            e.previousSecret == null ? null : new SealedSecret(e.previousSecret), e.rotatedAt, e.version());
    }

    @Override
    void copyValues(SignatureKey k, SignatureKeyEntity e) {
        e.currentSecret = k.current().value();
        e.previousSecret = k.previous().map(SealedSecret::value).orElse(null);
    }
}
