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

    @Id
    @Column(name = "api_url", length = 500, nullable = false)
    String apiUrl;

    @Id
    @Column(name = "provider", length = 20, nullable = false)
    String provider;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "app_id", length = 255, nullable = false)
    String appId;

    @Column(name = "sealed_token", nullable = false, columnDefinition = "TEXT")
    String sealedToken;

    @Column(name = "jwks", nullable = false, columnDefinition = "TEXT")
    String jwks;

    @Column(name = "installed_at", nullable = false)
    Instant installedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
