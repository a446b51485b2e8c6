package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.SignatureKeys;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** {@link SignatureKeys} on JPA, one row per merchant. The caller owns the transaction. */
public class JpaSignatureKeys implements SignatureKeys {

    private final EntityManager em;

    public JpaSignatureKeys(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SignatureKey> ofMerchant(String merchantId) {
        return Optional.ofNullable(em.find(SignatureKeyEntity.class, merchantId)).map(WebhookSubscriptionMapper::toDomain);
    }

    /**
     * Checked first so the usual case gets a Conflict, not a failed transaction; two first uses
     * racing still meet the primary key and one of them fails at flush.
     */
    @Override
    public void add(SignatureKey key) {
        if (em.find(SignatureKeyEntity.class, key.merchantId()) != null) {
            throw new Conflict("the merchant has a signature key already");
        }
        em.persist(WebhookSubscriptionMapper.toNewEntity(key));
        em.flush();
    }

    @Override
    public void update(SignatureKey key) {
        SignatureKeyEntity entity = em.find(SignatureKeyEntity.class, key.merchantId());
        if (entity == null || entity.version != key.version()) {
            throw new Conflict("the signature key was rotated meanwhile");
        }
        WebhookSubscriptionMapper.copyMutableState(key, entity);
        em.flush();
    }
}
