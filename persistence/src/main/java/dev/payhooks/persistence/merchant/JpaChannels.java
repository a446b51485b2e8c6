package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link Channels} on JPA, provider configurations included. The caller owns the transaction. */
public class JpaChannels implements Channels {

    private final EntityManager em;

    public JpaChannels(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Channel> bySlug(String merchantId, String slug) {
        return em.createQuery("select c from ChannelEntity c where c.merchantId = :merchant and c.slug = :slug", ChannelEntity.class)
            .setParameter("merchant", merchantId)
            .setParameter("slug", slug)
            .getResultStream().findFirst().map(MerchantMapper::toDomain);
    }

    @Override
    public List<Channel> ofMerchant(String merchantId) {
        return em.createQuery("select c from ChannelEntity c where c.merchantId = :merchant order by c.slug", ChannelEntity.class)
            .setParameter("merchant", merchantId)
            .getResultStream().map(MerchantMapper::toDomain).toList();
    }

    @Override
    public Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey) {
        return em.createQuery("select c from ChannelEntity c join c.providers p "
                + "where key(p) = :provider and p.endpointKey = :key", ChannelEntity.class)
            .setParameter("provider", provider.slug())
            .setParameter("key", endpointKey)
            .getResultStream().findFirst().map(MerchantMapper::toDomain);
    }

    @Override
    public void add(Channel channel) {
        if (bySlug(channel.merchantId(), channel.slug()).isPresent()) {
            throw new Conflict("a channel with slug '" + channel.slug() + "' exists already");
        }
        em.persist(MerchantMapper.toNewEntity(channel));
        em.flush();
    }

    @Override
    public void update(Channel channel) {
        ChannelEntity entity = managed(channel);
        MerchantMapper.copyMutableState(channel, entity);
        em.flush();
    }

    @Override
    public void remove(Channel channel) {
        em.remove(managed(channel));
        em.flush();
    }

    private ChannelEntity managed(Channel channel) {
        ChannelEntity entity = em.find(ChannelEntity.class, channel.id());
        if (entity == null || entity.version != channel.version()) {
            throw new Conflict("channel '" + channel.slug() + "' was changed or removed meanwhile");
        }
        return entity;
    }
}
