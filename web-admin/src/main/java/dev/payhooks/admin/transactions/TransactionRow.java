package dev.payhooks.admin.transactions;

import java.time.Instant;

/**
 * One transaction in the grid. Amounts are major-unit strings in the transaction's currency
 * ("1500" yen, "12.50" euros); {@code providerReference} is empty before the provider answered.
 */
public record TransactionRow(String id, Instant createdAt, String channel, String provider, String merchantReference,
                             String status, String currency, String authorized, String charged, String refunded,
                             String providerReference) {
}
