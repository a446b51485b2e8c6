package dev.payhooks.domain.saleor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The outbox of {@link TransactionReport}s. The caller owns the transaction. */
public interface TransactionReports {

    void add(TransactionReport report);

    /** Stores the outcome of an attempt (status, attempts, error, next due time). */
    void update(TransactionReport report);

    /**
     * PENDING reports due at {@code now}, oldest first, each now held by the caller until
     * {@code now + lease} (its due time moves there): of several instances asking at once, one
     * gets each report. A report whose sender died is due again when the lease ends.
     */
    List<TransactionReport> claimDue(int limit, Instant now, Duration lease);

    /**
     * Reports given up undelivered that the reconciliation sends again
     * ({@link TransactionReport#redeliverable()}) and that are due at {@code now}, oldest first,
     * each held by the caller until {@code now + lease} like {@link #claimDue}.
     */
    List<TransactionReport> claimUndelivered(int limit, Instant now, Duration lease);

    /** Every report of a Saleor transaction, oldest first (for tests and staff). */
    List<TransactionReport> ofSaleorTransaction(String saleorTransactionId);
}
