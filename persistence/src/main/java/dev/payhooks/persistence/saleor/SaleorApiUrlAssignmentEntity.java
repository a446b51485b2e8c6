package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A Saleor API URL assigned to a merchant: one row per URL. */
@Entity
@Table(name = "merchant_saleor_api_url")
public class SaleorApiUrlAssignmentEntity {

    @Id String apiUrl;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) Instant createdAt;
}
