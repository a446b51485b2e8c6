package dev.payhooks.persistence.staff;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "staff_user")
public class StaffUserEntity extends VersionedEntity {

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

    @Column(name = "totp_secret", length = 512)
    String totpSecret;

    @Column(name = "totp_last_step")
    Long totpLastStep;

    /** Comma-separated hex SHA-256 hashes of the unused recovery codes. */
    @Column(name = "recovery_code_hashes", length = 1000)
    String recoveryCodeHashes;

    @Column(name = "second_factor_enabled_at")
    Instant secondFactorEnabledAt;

    protected StaffUserEntity() {
        // for JPA
    }
}
