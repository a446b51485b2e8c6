package dev.payhooks.domain.outbound;

import java.util.Optional;

/** The merchants' Ed25519 key pairs, one per merchant. The caller owns the transaction. */
public interface AsymmetricSigningKeys {

    Optional<AsymmetricSigningKey> ofMerchant(String merchantId);

    /** {@link dev.payhooks.domain.error.Conflict} if the merchant has a pair already. */
    void add(AsymmetricSigningKey key);

    /** Stores a rotation (optimistic locking: {@link dev.payhooks.domain.error.Conflict} if rotated meanwhile). */
    void update(AsymmetricSigningKey key);
}
