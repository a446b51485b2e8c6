package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.Conflict;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SignatureKeys} in a map, for tests of code that uses the port. */
public class InMemorySignatureKeys implements SignatureKeys {

    private final Map<String, SignatureKey> byMerchant = new HashMap<>();

    @Override
    public synchronized Optional<SignatureKey> ofMerchant(String merchantId) {
        return Optional.ofNullable(byMerchant.get(merchantId));
    }

    @Override
    public synchronized void add(SignatureKey key) {
        if (byMerchant.putIfAbsent(key.merchantId(), key) != null) {
            throw new Conflict("the merchant has a signature key already");
        }
    }

    @Override
    public synchronized void update(SignatureKey key) {
        byMerchant.put(key.merchantId(), key);
    }
}
