package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link ApiKeys} on JPA. The caller owns the transaction. */
public class JpaApiKeys implements ApiKeys {

    private final EntityManager em;

    public JpaApiKeys(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ApiKey> byHash(String keyHash) {
        return em.createQuery("select k from ApiKeyEntity k where k.keyHash = :hash", ApiKeyEntity.class)
            .setParameter("hash", keyHash)
            .getResultStream().findFirst().map(MerchantMapper::toDomain);
    }

    @Override
    public Optional<ApiKey> byId(String merchantId, String id) {
        return Optional.ofNullable(em.find(ApiKeyEntity.class, id))
            .filter(k -> k.merchantId.equals(merchantId))
            .map(MerchantMapper::toDomain);
    }

    @Override
    public List<ApiKey> ofMerchant(String merchantId) {
        return em.createQuery("select k from ApiKeyEntity k where k.merchantId = :merchant order by k.createdAt, k.id", ApiKeyEntity.class)
            .setParameter("merchant", merchantId)
            .getResultStream().map(MerchantMapper::toDomain).toList();
    }

    @Override
    public void add(ApiKey key) {
        em.persist(MerchantMapper.toNewEntity(key));
        em.flush();
    }

    @Override
    public void update(ApiKey key) {
        ApiKeyEntity entity = em.find(ApiKeyEntity.class, key.id());
        if (entity == null || entity.version != key.version()) {
            throw new Conflict("API key " + key.id() + " was changed or removed meanwhile");
        }
        entity.revokedAt = key.revokedAt().orElse(null);
        em.flush();
    }
}
