package dev.payhooks.domain.merchant;

import dev.payhooks.domain.port.AggregateStore;

import java.util.List;
import java.util.Optional;

/** All API keys. */
public interface ApiKeys extends AggregateStore<ApiKey> {

    Optional<ApiKey> byHash(String keyHash);

    Optional<ApiKey> byId(String merchantId, String id);

    List<ApiKey> ofMerchant(String merchantId);
}
