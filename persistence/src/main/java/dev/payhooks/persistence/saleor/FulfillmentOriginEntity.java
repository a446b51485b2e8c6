package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** Where a fulfillment came from in Saleor. */
@Entity
@Table(name = "saleor_fulfillment_order")
@IdClass(FulfillmentOriginEntity.Key.class)
public class FulfillmentOriginEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String transactionId, String fulfillmentId) implements Serializable {
    }

    @Id
    @Column(name = "transaction_id", length = 64, nullable = false)
    String transactionId;

    @Id
    @Column(name = "fulfillment_id", length = 255, nullable = false)
    String fulfillmentId;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "api_url", length = 500, nullable = false)
    String apiUrl;

    @Column(name = "provider", length = 20, nullable = false)
    String provider;

    @Column(name = "order_id", length = 255, nullable = false)
    String orderId;
}
