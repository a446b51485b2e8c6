package dev.payhooks.application.audit;

import dev.payhooks.domain.audit.AuditTrail;

import java.util.Optional;

/** A merchant's audit trail as staff read it: newest first, keyset paging. Read-only. */
public class AuditQueries {

    private final AuditTrail trail;

    public AuditQueries(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditTrail.Page page(String merchantId, Optional<AuditTrail.Cursor> after, int limit) {
        return trail.newest(merchantId, after, limit);
    }
}
