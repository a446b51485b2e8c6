package dev.payhooks.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A {@link StampedEntity} a merchant owns, keyed by its own {@code id}: both ids are set once,
 * before the row is first stored, and never change.
 */
@MappedSuperclass
public abstract class OwnedEntity extends StampedEntity {

    @Id private String id;
    @Column(nullable = false, updatable = false) private String merchantId;

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    /** Set once, before the row is first stored. */
    public void ownedBy(String merchantId, String id) {
        this.merchantId = merchantId;
        this.id = id;
    }
}
