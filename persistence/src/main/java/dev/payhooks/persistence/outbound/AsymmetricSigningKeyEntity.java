package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "ed25519_signing_key")
public class AsymmetricSigningKeyEntity extends VersionedEntity {

    @Id String merchantId;
    @Column(nullable = false) String currentKeyId;
    @Column(nullable = false) String currentPublicKey;
    @Column(nullable = false) String currentPrivateKey;
    @Column(nullable = false, updatable = false) Instant createdAt;
    String previousKeyId;
    String previousPublicKey;
    String previousPrivateKey;
    Instant rotatedAt;
}
