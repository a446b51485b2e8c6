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

    @Id
    @Column(name = "transaction_id", length = 64, nullable = false)
    String transactionId;

    @Id
    @Column(name = "id", length = 255, nullable = false)
    String id;

    @Column(name = "tracking_number", length = 50, nullable = false)
    String trackingNumber;

    @Column(name = "carrier_code", length = 32)
    String carrierCode;

    /** {@link dev.payhooks.domain.fulfillment.ShipmentReportStatus} name. */
    @Column(name = "report_status", length = 16, nullable = false)
    String reportStatus;

    @Column(name = "message", length = 1000)
    String message;

    @Column(name = "report_attempts", nullable = false)
    int reportAttempts;

    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;

    protected FulfillmentEntity() {
        // for JPA
    }
}
