package dev.payhooks.admin.approvals;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.application.approvals.DecideApprovals;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.approval.ApprovalRequest;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.error.NotPermitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Approvals page's model (four-eyes): the merchant's requests with the count they would
 * replay now, approve and reject through {@link DecideApprovals}, which decides who may; and the
 * merchant's threshold through {@link ApprovalPolicy}. Each method runs in one transaction.
 */
@ApplicationScoped
@Transactional
public class ApprovalsModel extends ConsoleModel {

    @Inject
    DecideApprovals decisions;
    @Inject
    ApprovalPolicy policy;
    @Inject
    ReplayDeliveries replays;
    @Inject
    Clock clock;

    public List<ApprovalRow> requests() {
        Caller caller = signedIn.caller();
        Instant now = clock.instant();
        boolean mayDecide = caller.mayChange();
        return decisions.recent(caller).stream().map(r -> row(r, now, mayDecide)).toList();
    }

    public void approve(String id) {
        decide(caller -> decisions.approve(caller, id));
    }

    public void reject(String id) {
        decide(caller -> decisions.reject(caller, id));
    }

    /** Above how many deliveries a bulk replay waits for approval; empty: four-eyes is off. */
    public Optional<Integer> bulkReplayThreshold() {
        return policy.bulkReplayThreshold(signedIn.caller());
    }

    /** Whether the signed-in member may set the threshold (administrators). */
    public boolean mayAdminister() {
        return signedIn.caller().mayAdminister();
    }

    public void setBulkReplayThreshold(Optional<Integer> above) {
        Caller caller = signedIn.caller();
        NotAllowed.mapping("Only administrators turn four-eyes on or off.", () -> policy.setBulkReplayThreshold(caller, above));
    }

    /** Runs a decision; its refusal (a viewer, the requester themself) becomes the console's words for it. */
    private void decide(Function<Caller, ApprovalRequest> decision) {
        Caller caller = signedIn.caller();
        try {
            decision.apply(caller);
        } catch (NotPermitted refused) {
            throw new NotAllowed(caller.mayChange() ? refused.getMessage() : NotAllowed.LOOK_NOT_CHANGE);
        }
    }

    private ApprovalRow row(ApprovalRequest r, Instant now, boolean mayDecide) {
        ApprovalRequest.Status status = r.statusAt(now);
        boolean pending = status == ApprovalRequest.Status.PENDING;
        int deliveriesNow = pending ? replays.countMatching(r.merchantId(), r.filter()) : 0;
        boolean decidable = pending && mayDecide && !r.requestedBy(Actor.staff(signedIn.username()));
        return new ApprovalRow(r.id(), r.summary(), r.deliveries(), deliveriesNow, r.requestedBy().name(), r.requestedAt(),
            r.expiresAt(), status.name(), r.decidedBy().orElse(""), r.decidedAt().orElse(null), r.result(), decidable);
    }
}
