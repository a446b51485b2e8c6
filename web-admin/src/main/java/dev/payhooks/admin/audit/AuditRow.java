package dev.payhooks.admin.audit;

import java.time.Instant;

/** One audit trail entry: who changed what, when. */
public record AuditRow(String id, Instant at, String actor, String source, String action, String subject, String detail) {
}
