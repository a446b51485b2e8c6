package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;

/** Where a fulfillment came from in Saleor; recorded once, never changed. */
@Entity
@Immutable
@Table(name = "saleor_fulfillment_order")
@IdClass(FulfillmentOriginEntity.Key.class)
public class FulfillmentOriginEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String transactionId, String fulfillmentId) implements Serializable {
    }

    @Id String transactionId;
    @Id String fulfillmentId;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) String apiUrl;
    @Column(nullable = false) String provider;
    @Column(nullable = false) String orderId;
}
