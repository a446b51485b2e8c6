package dev.payhooks.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of configuration changes, append-only. {@link #record} joins the caller's
 * transaction, so an entry commits with the change it describes, or neither does.
 */
public interface AuditTrail {

    void record(AuditEntry entry);

    /** A page of a merchant's entries, newest first. */
    Page newest(String merchantId, Optional<Cursor> after, int limit);

    /** Where a page ended: the sort key of its last entry. */
    record Cursor(Instant at, String id) { }

    record Page(List<AuditEntry> entries, Optional<Cursor> next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}
