package dev.payhooks.persistence.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "signature_key")
public class SignatureKeyEntity extends RotatingKeyEntity {

    @Column(nullable = false) String currentSecret;
    String previousSecret;
}
