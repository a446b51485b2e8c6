package dev.payhooks.admin.transactions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A page of transactions, newest first, and where the next one starts (keyset, not offset). */
public record TransactionPage(List<TransactionRow> rows, Optional<Mark> next) {

    /** The last row's position; the next page starts after it. */
    public record Mark(Instant createdAt, String transactionId) { }

    public TransactionPage {
        rows = List.copyOf(rows);
    }
}
