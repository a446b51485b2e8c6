package dev.payhooks.persistence.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "ed25519_signing_key")
public class AsymmetricSigningKeyEntity extends RotatingKeyEntity {

    @Column(nullable = false) String currentKeyId;
    @Column(nullable = false) String currentPublicKey;
    @Column(nullable = false) String currentPrivateKey;
    String previousKeyId;
    String previousPublicKey;
    String previousPrivateKey;
}
