package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The row of a merchant's {@link dev.payhooks.domain.outbound.RotatingKey}, one per merchant: the
 * columns every kind of key has. A subclass adds the current and the previous value.
 */
@MappedSuperclass
abstract class RotatingKeyEntity extends VersionedEntity {

    @Id String merchantId;
    @Column(nullable = false, updatable = false) Instant createdAt;
    Instant rotatedAt;
}
