package dev.payhooks.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** A {@link VersionedEntity} whose row also says when it was created and last changed. */
@MappedSuperclass
public abstract class StampedEntity extends VersionedEntity {

    @Column(nullable = false, updatable = false) private Instant createdAt;
    @Column(nullable = false) private Instant updatedAt;

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Set once, before the row is first stored. */
    public void createdAt(Instant at) {
        this.createdAt = at;
    }

    public void updatedAt(Instant at) {
        this.updatedAt = at;
    }
}
