package dev.payhooks.domain.merchant;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.ProviderId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Channels} in a map, for tests of code that uses the port. */
public class InMemoryChannels implements Channels {

    private final Map<String, Channel> byId = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Channel> bySlug(String merchantId, String slug) {
        return byId.values().stream().filter(c -> c.merchantId().equals(merchantId) && c.slug().equals(slug)).findFirst();
    }

    @Override
    public synchronized List<Channel> ofMerchant(String merchantId) {
        return new ArrayList<>(byId.values().stream().filter(c -> c.merchantId().equals(merchantId)).toList());
    }

    @Override
    public synchronized Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey) {
        return byId.values().stream()
            .filter(c -> c.provider(provider).flatMap(ProviderSettings::endpointKey).filter(endpointKey::equals).isPresent())
            .findFirst();
    }

    @Override
    public synchronized void add(Channel channel) {
        if (bySlug(channel.merchantId(), channel.slug()).isPresent()) {
            throw new Conflict("a channel with slug '" + channel.slug() + "' exists already");
        }
        byId.put(channel.id(), channel);
    }

    @Override
    public synchronized void update(Channel channel) {
        byId.put(channel.id(), channel);
    }

    @Override
    public synchronized void remove(Channel channel) {
        byId.remove(channel.id());
    }
}
