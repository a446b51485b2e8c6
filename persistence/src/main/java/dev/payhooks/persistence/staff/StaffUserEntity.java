package dev.payhooks.persistence.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "staff_user")
public class StaffUserEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "username", length = 64, nullable = false, unique = true)
    String username;

    @Column(name = "password_hash", length = 512, nullable = false)
    String passwordHash;

    /** Comma-separated {@link dev.payhooks.domain.staff.StaffRole} names. */
    @Column(name = "roles", length = 128, nullable = false)
    String roles;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected StaffUserEntity() {
        // for JPA
    }
}
