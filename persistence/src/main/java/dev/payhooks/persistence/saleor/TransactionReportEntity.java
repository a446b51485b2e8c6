package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A transactionEventReport for Saleor. */
@Entity
@Table(name = "saleor_transaction_report")
public class TransactionReportEntity extends SaleorCallEntity {

    @Column(name = "saleor_transaction_id", length = 255, nullable = false)
    String saleorTransactionId;

    @Column(name = "psp_reference", length = 255, nullable = false)
    String pspReference;

    @Column(name = "event_type", length = 40, nullable = false)
    String type;

    @Column(name = "amount", length = 40, nullable = false)
    String amount;

    @Column(name = "event_time", nullable = false)
    Instant time;

    @Column(name = "message", length = 512)
    String message;

    @Column(name = "last_error", length = 1000)
    String lastError;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;
}
