package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "signature_key")
public class SignatureKeyEntity extends VersionedEntity {

    @Id
    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "current_secret", length = 400, nullable = false)
    String currentSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "previous_secret", length = 400)
    String previousSecret;

    @Column(name = "rotated_at")
    Instant rotatedAt;

    protected SignatureKeyEntity() {
        // for JPA
    }
}
