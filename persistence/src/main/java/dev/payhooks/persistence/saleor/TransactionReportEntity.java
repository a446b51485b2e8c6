package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A transactionEventReport for Saleor. */
@Entity
@Table(name = "saleor_transaction_report")
public class TransactionReportEntity extends SaleorCallEntity {

    String merchantId;
    String transactionId;
    @Column(nullable = false) String saleorTransactionId;
    @Column(nullable = false) String pspReference;
    @Column(name = "event_type", nullable = false) String type;
    @Column(nullable = false) String amount;
    @Column(name = "event_time", nullable = false) Instant time;
    String message;
    String lastError;
    @Column(nullable = false) Instant dueAt;
    String failure;
    int redeliveries;
}
