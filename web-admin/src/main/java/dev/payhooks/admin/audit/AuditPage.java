package dev.payhooks.admin.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A page of the audit trail, newest first, and where the next one starts. */
public record AuditPage(List<AuditRow> rows, Optional<Mark> next) {

    public record Mark(Instant at, String id) { }

    public AuditPage {
        rows = List.copyOf(rows);
    }
}
