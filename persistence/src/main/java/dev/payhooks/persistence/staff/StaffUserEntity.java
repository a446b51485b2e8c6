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

    @Id String id;
    @Column(nullable = false) String username;
    @Column(nullable = false) String passwordHash;

    /** Comma-separated {@link dev.payhooks.domain.staff.StaffRole} names. */
    @Column(nullable = false) String roles;
    boolean enabled;

    /** The merchant the member belongs to; null for an operator. */
    String merchantId;

    /** Whether the member is an operator (then of no merchant). */
    boolean operator;
    @Column(nullable = false) Instant createdAt;
    String totpSecret;
    Long totpLastStep;

    /** Comma-separated hex SHA-256 hashes of the unused recovery codes. */
    String recoveryCodeHashes;
    Instant secondFactorEnabledAt;
}
