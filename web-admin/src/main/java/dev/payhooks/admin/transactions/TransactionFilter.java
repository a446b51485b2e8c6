package dev.payhooks.admin.transactions;

import java.time.Instant;

/**
 * The transactions grid's filter; null or blank fields do not filter. {@code provider} is a
 * provider slug, {@code status} a transaction status name; {@code from} inclusive, {@code to}
 * exclusive, on creation time; {@code needsAttention}: only those the reconciliation flagged for staff.
 */
public record TransactionFilter(String channel, String provider, String status, Instant from, Instant to,
                                boolean needsAttention) {

    /** Any transaction, flagged or not. */
    public TransactionFilter(String channel, String provider, String status, Instant from, Instant to) {
        this(channel, provider, status, from, to, false);
    }

    public static TransactionFilter none() {
        return new TransactionFilter(null, null, null, null, null, false);
    }

    /** This filter, limited to the transactions flagged for staff. */
    public TransactionFilter withNeedsAttention() {
        return new TransactionFilter(channel, provider, status, from, to, true);
    }
}
