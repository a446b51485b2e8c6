package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link Merchants} on JPA. The caller owns the transaction. */
public class JpaMerchants extends JpaRepository<MerchantEntity> implements Merchants {

    public JpaMerchants(EntityManager em) {
        super(em, MerchantEntity.class);
    }

    @Override
    public Optional<Merchant> byId(String id) {
        return find(id).map(MerchantMapper::toDomain);
    }

    @Override
    public List<Merchant> all() {
        return list(MerchantMapper::toDomain, "select m from MerchantEntity m order by m.createdAt, m.id");
    }

    @Override
    public long count() {
        return countAll();
    }

    @Override
    public void add(Merchant merchant) {
        persist(MerchantMapper.toNewEntity(merchant));
    }

    @Override
    public void update(Merchant merchant) {
        change(merchant.id(), merchant.version(), changedMeanwhile("merchant " + merchant.id()),
            entity -> {
                entity.name = merchant.name();
                entity.disabledAt = merchant.disabledAt().orElse(null);
                entity.bulkReplayApprovalAbove = merchant.bulkReplayApprovalAbove().orElse(null);
            });
    }
}
