package dev.payhooks.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One event of a transaction's history; rows are only ever added. */
@Entity
@Table(name = "transaction_event")
@IdClass(TransactionEventEntity.Key.class)
public class TransactionEventEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String transactionId, int sequence) implements Serializable {
    }

    @Id
    @Column(name = "transaction_id", length = 64, nullable = false)
    String transactionId;

    @Id
    @Column(name = "sequence_number", nullable = false)
    int sequence;

    @Column(name = "operation", length = 30, nullable = false)
    String operation;

    @Column(name = "result", length = 20, nullable = false)
    String result;

    @Column(name = "amount", nullable = false)
    long amount;

    @Column(name = "provider_reference", length = 255)
    String providerReference;

    @Column(name = "occurred_at", nullable = false)
    Instant at;

    @Column(name = "message", length = 2000)
    String message;

    @Column(name = "event_key", length = 255)
    String eventKey;

    @Column(name = "status_after", length = 40, nullable = false)
    String statusAfter;

    /** The provider's reason code; null when the event has no reason (then so is the description). */
    @Column(name = "reason_code", length = 64)
    String reasonCode;

    @Column(name = "reason_description", length = 255)
    String reasonDescription;

    protected TransactionEventEntity() {
        // for JPA
    }
}
