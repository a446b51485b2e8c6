package dev.payhooks.application.approvals;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.approval.ApprovalRequests;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Four-eyes decisions: a staff member of the merchant who may change its configuration, with the
 * second factor passed in this session, approves or rejects another member's (or an API key's)
 * pending request. Approving runs the held bulk replay with its stored filter, counted again now,
 * in the same transaction; the audit entry names the requester and the approver. Refused: the
 * requester themself, API keys, viewers, a request that is decided or expired; another merchant's
 * request is not found. Two approvals at once meet the request's version: one runs, the other is
 * refused. The caller owns the transaction.
 */
public record DecideApprovals(ApprovalRequests requests, ReplayDeliveries replays, AuditRecorder audit, Clock clock) {

    /** How many of the newest requests {@link #recent} lists. */
    public static final int RECENT = 50;

    /** The merchant's newest requests, newest first; anyone who may look at the merchant reads them. */
    public List<ApprovalRequest> recent(Caller caller) {
        return requests.newest(caller.merchantId(), RECENT);
    }

    public ApprovalRequest approve(Caller caller, String id) {
        Caller.Staff approver = decider(caller);
        ApprovalRequest request = decidable(approver, id);
        Instant now = clock.instant();
        ReplayDeliveries.BulkReplay done = replays.replayApproved(request.merchantId(), request.filter(), request.withMissed());
        request.approve(approver.username(), now, done.describe());
        requests.update(request);
        audit.record(request.merchantId(), "approval.approved", FourEyes.subject(request),
            request.summary() + "; requested by " + request.requestedBy().name() + ", approved by " + approver.username()
                + "; " + done.describe());
        return request;
    }

    public ApprovalRequest reject(Caller caller, String id) {
        Caller.Staff rejecter = decider(caller);
        ApprovalRequest request = decidable(rejecter, id);
        request.reject(rejecter.username(), clock.instant());
        requests.update(request);
        audit.record(request.merchantId(), "approval.rejected", FourEyes.subject(request),
            request.summary() + "; requested by " + request.requestedBy().name() + ", rejected by " + rejecter.username());
        return request;
    }

    /** The staff member who may decide: one who changes configuration and passed the second factor in this session. */
    private static Caller.Staff decider(Caller caller) {
        if (!(caller instanceof Caller.Staff staff)) {
            throw new NotPermitted("Only a staff member approves or rejects a request, in the admin console");
        }
        staff.requireMayChange();
        if (staff.secondFactorVerifiedAt().isEmpty()) {
            throw new NotPermitted("Deciding a request needs the second factor passed in this session");
        }
        return staff;
    }

    private ApprovalRequest decidable(Caller.Staff decider, String id) {
        ApprovalRequest request = requests.byId(decider.merchantId(), id == null ? "" : id)
            .orElseThrow(() -> new NotFound("approval request " + id));
        if (request.requestedBy(Actor.staff(decider.username()))) {
            throw new NotPermitted("A second staff member decides: " + decider.username() + " asked for this one");
        }
        request.requireDecidable(clock.instant());
        return request;
    }
}
