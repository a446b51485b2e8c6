package dev.payhooks.domain.outbound;

import java.util.Optional;

/** The merchants' signature keys, one per merchant. The caller owns the transaction. */
public interface SignatureKeys {

    Optional<SignatureKey> ofMerchant(String merchantId);

    /** {@link dev.payhooks.domain.error.Conflict} if the merchant has a key already. */
    void add(SignatureKey key);

    /** Stores a rotation (optimistic locking: {@link dev.payhooks.domain.error.Conflict} if rotated meanwhile). */
    void update(SignatureKey key);
}
