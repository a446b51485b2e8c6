package dev.payhooks.persistence.merchant;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "merchant")
public class MerchantEntity extends VersionedEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    @Column(name = "merchant_key", length = 15, nullable = false, unique = true)
    String merchantKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected MerchantEntity() {
        // for JPA
    }
}
