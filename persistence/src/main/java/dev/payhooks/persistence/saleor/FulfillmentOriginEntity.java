package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** Where a fulfillment came from in Saleor. */
@Entity
@Table(name = "saleor_fulfillment_order")
@IdClass(FulfillmentOriginEntity.Key.class)
public class FulfillmentOriginEntity {

    public static class Key implements Serializable {
        String transactionId;
        String fulfillmentId;

        public Key() {
            // for JPA
        }

        Key(String transactionId, String fulfillmentId) {
            this.transactionId = transactionId;
            this.fulfillmentId = fulfillmentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.transactionId, transactionId)
                && Objects.equals(k.fulfillmentId, fulfillmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(transactionId, fulfillmentId);
        }
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
