package dev.payhooks.admin.audit;

import java.time.Instant;

/** The audit trail's filter as the view holds it; blank or null fields do not filter. Times are UTC. */
public record AuditFilter(String actor, String action, String subject, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
