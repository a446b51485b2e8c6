package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link ApiKeys} on JPA. The caller owns the transaction. */
public class JpaApiKeys extends JpaRepository<ApiKeyEntity> implements ApiKeys {

    public JpaApiKeys(EntityManager em) {
        super(em, ApiKeyEntity.class);
    }

    @Override
    public Optional<ApiKey> byHash(String keyHash) {
        return first(MerchantMapper::toDomain, "select k from ApiKeyEntity k where k.keyHash = :hash", "hash", keyHash);
    }

    @Override
    public Optional<ApiKey> byId(String merchantId, String id) {
        return findOf(merchantId, id, k -> k.merchantId).map(MerchantMapper::toDomain);
    }

    @Override
    public List<ApiKey> ofMerchant(String merchantId) {
        return list(MerchantMapper::toDomain, "select k from ApiKeyEntity k where k.merchantId = :merchant order by k.createdAt, k.id",
            "merchant", merchantId);
    }

    @Override
    public void add(ApiKey key) {
        persist(MerchantMapper.toNewEntity(key));
    }

    @Override
    public void update(ApiKey key) {
        change(key.id(), key.version(), changedMeanwhile("API key " + key.id()),
            entity -> entity.revokedAt = key.revokedAt().orElse(null));
    }
}
