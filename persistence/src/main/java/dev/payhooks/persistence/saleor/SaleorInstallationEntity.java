package dev.payhooks.persistence.saleor;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A Saleor installation row: one per Saleor API URL and provider app. */
@Entity
@Table(name = "saleor_installation")
@IdClass(SaleorInstallationEntity.Key.class)
public class SaleorInstallationEntity extends VersionedEntity {

    public static class Key implements Serializable {
        String apiUrl;
        String provider;

        public Key() {
            // for JPA
        }

        Key(String apiUrl, String provider) {
            this.apiUrl = apiUrl;
            this.provider = provider;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.apiUrl, apiUrl) && Objects.equals(k.provider, provider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(apiUrl, provider);
        }
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
