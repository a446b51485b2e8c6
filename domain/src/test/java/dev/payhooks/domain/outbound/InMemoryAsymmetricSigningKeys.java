package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.Conflict;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link AsymmetricSigningKeys} in a map, for tests of code that uses the port. */
public class InMemoryAsymmetricSigningKeys implements AsymmetricSigningKeys {

    private final Map<String, AsymmetricSigningKey> byMerchant = new HashMap<>();

    @Override
    public synchronized Optional<AsymmetricSigningKey> ofMerchant(String merchantId) {
        return Optional.ofNullable(byMerchant.get(merchantId));
    }

    @Override
    public synchronized void add(AsymmetricSigningKey key) {
        if (byMerchant.putIfAbsent(key.merchantId(), key) != null) {
            throw new Conflict("the merchant has an Ed25519 key already");
        }
    }

    @Override
    public synchronized void update(AsymmetricSigningKey key) {
        byMerchant.put(key.merchantId(), key);
    }
}
