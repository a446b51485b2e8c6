package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** {@link SignatureKeys} on JPA, one row per merchant. The caller owns the transaction. */
public class JpaSignatureKeys extends JpaRepository<SignatureKeyEntity> implements SignatureKeys {

    public JpaSignatureKeys(EntityManager em) {
        super(em, SignatureKeyEntity.class);
    }

    @Override
    public Optional<SignatureKey> ofMerchant(String merchantId) {
        return find(merchantId).map(WebhookSubscriptionMapper::toDomain);
    }

    /**
     * Checked first so the usual case gets a Conflict, not a failed transaction; two first uses
     * racing still meet the primary key and one of them fails at flush.
     */
    @Override
    public void add(SignatureKey key) {
        store(key.merchantId(), WebhookSubscriptionMapper.toNewEntity(key), () -> new Conflict("the merchant has a signature key already"));
    }

    @Override
    public void update(SignatureKey key) {
        change(key.merchantId(), key.version(), () -> new Conflict("the signature key was rotated meanwhile"),
            entity -> WebhookSubscriptionMapper.copyMutableState(key, entity));
    }
}
