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

    @Id String id;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) String label;
    @Column(nullable = false) String displayPrefix;
    @Column(nullable = false) String keyHash;
    @Column(nullable = false) String sealedKey;
    @Column(nullable = false) Instant createdAt;
    Instant revokedAt;
}
