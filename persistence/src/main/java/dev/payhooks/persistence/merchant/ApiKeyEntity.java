package dev.payhooks.persistence.merchant;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends VersionedEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "label", length = 100, nullable = false)
    String label;

    @Column(name = "display_prefix", length = 20, nullable = false)
    String displayPrefix;

    @Column(name = "key_hash", length = 64, nullable = false, unique = true)
    String keyHash;

    @Column(name = "sealed_key", length = 400, nullable = false)
    String sealedKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    protected ApiKeyEntity() {
        // for JPA
    }
}
