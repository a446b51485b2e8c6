package dev.payhooks.persistence.saleor;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A Saleor installation row: one per Saleor API URL and provider app. */
@Entity
@Table(name = "saleor_installation")
@IdClass(SaleorInstallationEntity.Key.class)
public class SaleorInstallationEntity extends VersionedEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String apiUrl, String provider) implements Serializable {
    }

    @Id String apiUrl;
    @Id String provider;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) String appId;
    @Column(nullable = false, columnDefinition = "TEXT") String sealedToken;
    @Column(nullable = false, columnDefinition = "TEXT") String jwks;
    @Column(nullable = false) Instant installedAt;
    @Column(nullable = false) Instant updatedAt;
}
