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

    @Id String merchantId;
    @Column(nullable = false) String currentSecret;
    @Column(nullable = false, updatable = false) Instant createdAt;
    String previousSecret;
    Instant rotatedAt;
}
