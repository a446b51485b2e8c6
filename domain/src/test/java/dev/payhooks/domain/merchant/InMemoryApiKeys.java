package dev.payhooks.domain.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ApiKeys} in a map, for tests of code that uses the port. */
public class InMemoryApiKeys implements ApiKeys {

    private final Map<String, ApiKey> byId = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ApiKey> byHash(String keyHash) {
        return byId.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst();
    }

    @Override
    public synchronized Optional<ApiKey> byId(String merchantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(k -> k.merchantId().equals(merchantId));
    }

    @Override
    public synchronized List<ApiKey> ofMerchant(String merchantId) {
        return byId.values().stream().filter(k -> k.merchantId().equals(merchantId)).toList();
    }

    @Override
    public synchronized void add(ApiKey key) {
        byId.put(key.id(), key);
    }

    @Override
    public synchronized void update(ApiKey key) {
        byId.put(key.id(), key);
    }
}
