package dev.payhooks.persistence.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "merchant")
public class MerchantEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    @Column(name = "merchant_key", length = 15, nullable = false, unique = true)
    String merchantKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected MerchantEntity() {
        // for JPA
    }
}
