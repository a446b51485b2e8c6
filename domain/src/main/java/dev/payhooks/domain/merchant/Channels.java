package dev.payhooks.domain.merchant;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.AggregateStore;

import java.util.List;
import java.util.Optional;

/** All channels, each with its provider configurations. */
public interface Channels extends AggregateStore<Channel> {

    Optional<Channel> bySlug(String merchantId, String slug);

    List<Channel> ofMerchant(String merchantId);

    /** The channel whose notification URL for {@code provider} carries {@code endpointKey}. */
    Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey);

    /** Adds a new channel; {@link dev.payhooks.domain.error.Conflict} if the merchant has the slug already. */
    void add(Channel channel);

    void remove(Channel channel);
}
