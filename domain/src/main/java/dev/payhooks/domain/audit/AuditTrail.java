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
    default Page newest(String merchantId, Optional<Cursor> after, int limit) {
        return newest(merchantId, Filter.none(), after, limit);
    }

    /** A page of a merchant's entries that match the filter, newest first. */
    Page newest(String merchantId, Filter filter, Optional<Cursor> after, int limit);

    /**
     * Only set fields filter. {@code actor}, {@code action} and {@code subject} match any part of
     * the entry's, ignoring case; {@code from} is inclusive and {@code to} exclusive.
     */
    record Filter(Optional<String> actor, Optional<String> action, Optional<String> subject, Optional<Instant> from,
                  Optional<Instant> to) {

        public Filter {
            actor = actor.map(String::trim).filter(t -> !t.isEmpty());
            action = action.map(String::trim).filter(t -> !t.isEmpty());
            subject = subject.map(String::trim).filter(t -> !t.isEmpty());
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Where a page ended: the sort key of its last entry. */
    record Cursor(Instant at, String id) { }

    record Page(List<AuditEntry> entries, Optional<Cursor> next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}
