package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link Merchants} on JPA. The caller owns the transaction. */
public class JpaMerchants implements Merchants {

    private final EntityManager em;

    public JpaMerchants(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Merchant> byId(String id) {
        return Optional.ofNullable(em.find(MerchantEntity.class, id)).map(MerchantMapper::toDomain);
    }

    @Override
    public List<Merchant> all() {
        return em.createQuery("select m from MerchantEntity m order by m.createdAt, m.id", MerchantEntity.class)
            .getResultStream().map(MerchantMapper::toDomain).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(m) from MerchantEntity m", Long.class).getSingleResult();
    }

    @Override
    public void add(Merchant merchant) {
        em.persist(MerchantMapper.toNewEntity(merchant));
        em.flush();
    }

    @Override
    public void update(Merchant merchant) {
        MerchantEntity entity = em.find(MerchantEntity.class, merchant.id());
        if (entity == null || entity.version != merchant.version()) {
            throw new Conflict("merchant " + merchant.id() + " was changed or removed meanwhile");
        }
        entity.name = merchant.name();
        em.flush();
    }
}
