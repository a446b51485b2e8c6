package dev.payhooks.admin.approvals;

import java.time.Instant;

/**
 * An approval request as the Approvals page lists it: what it asks ({@code summary}), the count
 * when asked and now, who asked and when, its status now, and the decision once made.
 * {@code decidable}: the signed-in member may approve or reject it (pending, and not theirs).
 */
public record ApprovalRow(String id, String summary, int deliveries, int deliveriesNow, String requestedBy,
                          Instant requestedAt, Instant expiresAt, String status, String decidedBy, Instant decidedAt,
                          String result, boolean decidable) {
}
