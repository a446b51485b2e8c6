package dev.payhooks.admin.transactions;

import java.time.Instant;

/**
 * The transactions grid's filter; null or blank fields do not filter. {@code provider} is a
 * provider slug, {@code status} a transaction status name; {@code from} inclusive, {@code to}
 * exclusive, on creation time.
 */
public record TransactionFilter(String channel, String provider, String status, Instant from, Instant to) {

    public static TransactionFilter none() {
        return new TransactionFilter(null, null, null, null, null);
    }
}
