package dev.payhooks.application.approvals;

import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.approval.ApprovalRequests;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.CurrentActor;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.port.IdGenerator;

import java.time.Clock;
import java.util.Optional;

/**
 * The merchant's four-eyes policy, where a risky action asks it: a bulk replay of more deliveries
 * than the merchant's threshold is held as a pending {@link ApprovalRequest} instead of running
 * (no threshold: four-eyes is off, nothing is held). The request joins the caller's transaction and
 * is audited with who asked. The use case has checked the caller before it asks.
 */
public record FourEyes(Merchants merchants, ApprovalRequests requests, CurrentActor actor, AuditRecorder audit,
                       IdGenerator ids, Clock clock) {

    /** The request that holds this bulk replay of {@code deliveries}, or empty when it may run now. */
    public Optional<ApprovalRequest> holdBulkReplay(String merchantId, EventLog.Filter filter, boolean withMissed,
                                                    int deliveries, String summary) {
        Optional<Integer> above = merchants.byId(merchantId).flatMap(Merchant::bulkReplayApprovalAbove);
        if (above.isEmpty() || deliveries <= above.get()) {
            return Optional.empty();
        }
        ApprovalRequest request = ApprovalRequest.bulkReplay(ids.newId(), merchantId, filter, withMissed, summary, deliveries,
            actor.current(), clock.instant());
        requests.add(request);
        audit.record(merchantId, "approval.requested", subject(request),
            summary + "; " + deliveries + " deliveries, above the threshold of " + above.get() + "; requested by "
                + request.requestedBy().name());
        return Optional.of(request);
    }

    /**
     * A bulk replay that ran at once (four-eyes off, or not above the threshold): in the audit trail
     * too, with who ran it, what it asked for and what it did, so that every bulk replay is there,
     * held or not.
     */
    public void ranWithoutApproval(String merchantId, String summary, String outcome) {
        audit.record(merchantId, "replay.bulk", "bulk replay", summary + "; " + outcome);
    }

    static String subject(ApprovalRequest request) {
        return "bulk replay " + request.id();
    }
}
