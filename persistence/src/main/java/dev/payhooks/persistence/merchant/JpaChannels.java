package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Channels} on JPA, provider configurations included. The caller owns the transaction. */
public class JpaChannels extends JpaRepository<ChannelEntity> implements Channels {

    public JpaChannels(EntityManager em) {
        super(em, ChannelEntity.class);
    }

    @Override
    public Optional<Channel> bySlug(String merchantId, String slug) {
        return first(MerchantMapper::toDomain, "select c from ChannelEntity c where c.merchantId = :merchant and c.slug = :slug",
            "merchant", merchantId, "slug", slug);
    }

    @Override
    public List<Channel> ofMerchant(String merchantId) {
        return list(MerchantMapper::toDomain, "select c from ChannelEntity c where c.merchantId = :merchant order by c.slug",
            "merchant", merchantId);
    }

    @Override
    public Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey) {
        return first(MerchantMapper::toDomain,
            "select c from ChannelEntity c join c.providers p where key(p) = :provider and p.endpointKey = :key",
            "provider", provider.slug(), "key", endpointKey);
    }

    @Override
    public void add(Channel channel) {
        if (bySlug(channel.merchantId(), channel.slug()).isPresent()) {
            throw new Conflict("a channel with slug '" + channel.slug() + "' exists already");
        }
        persist(MerchantMapper.toNewEntity(channel));
    }

    @Override
    public void update(Channel channel) {
        change(channel.id(), channel.version(), changedMeanwhile(channel),
            entity -> MerchantMapper.copyMutableState(channel, entity));
    }

    @Override
    public void remove(Channel channel) {
        remove(current(channel.id(), channel.version(), changedMeanwhile(channel)));
    }

    private static Supplier<Conflict> changedMeanwhile(Channel channel) {
        return changedMeanwhile("channel '" + channel.slug() + "'");
    }
}
