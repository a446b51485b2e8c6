package dev.payhooks.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;

/** One event of a transaction's history; rows are only ever added. */
@Entity
@Immutable
@Table(name = "transaction_event")
@IdClass(TransactionEventEntity.Key.class)
public class TransactionEventEntity {

    /** The primary key; its components are named as the {@code @Id} fields. */
    public record Key(String transactionId, int sequence) implements Serializable {
    }

    /** Named as the transaction's join column names it, so both map to one logical column. */
    @Id @Column(name = "transaction_id") String transactionId;
    @Id @Column(name = "sequence_number") int sequence;
    @Column(nullable = false) String operation;
    @Column(nullable = false) String result;
    long amount;
    String providerReference;
    @Column(name = "occurred_at", nullable = false) Instant at;
    String message;
    String eventKey;
    @Column(nullable = false) String statusAfter;
    /** The provider's reason code; null when the event has no reason (then so is the description). */
    String reasonCode;
    String reasonDescription;
}
