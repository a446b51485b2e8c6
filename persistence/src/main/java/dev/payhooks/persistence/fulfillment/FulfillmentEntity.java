package dev.payhooks.persistence.fulfillment;

import dev.payhooks.persistence.jpa.StampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A fulfillment of a transaction, keyed by both: the id alone is Saleor's and repeats across merchants. */
@Entity
@Table(name = "fulfillment")
@IdClass(FulfillmentEntity.Key.class)
public class FulfillmentEntity extends StampedEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String transactionId, String id) implements Serializable {
    }

    @Id String transactionId;
    @Id String id;
    @Column(nullable = false) String trackingNumber;
    String carrierCode;

    /** {@link dev.payhooks.domain.fulfillment.ShipmentReportStatus} name. */
    @Column(nullable = false) String reportStatus;
    String message;
    int reportAttempts;
    Instant lastAttemptAt;
}
