package dev.payhooks.persistence.jpa;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A row an aggregate is stored in: its {@code version} column is the optimistic lock, and
 * {@link JpaRepository#current} refuses a change made from an older read of it.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Version private long version;

    public long version() {
        return version;
    }
}
