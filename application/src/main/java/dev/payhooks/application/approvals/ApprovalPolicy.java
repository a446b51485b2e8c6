package dev.payhooks.application.approvals;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;

import java.util.Optional;

/**
 * Turns four-eyes for bulk replays on or off for the caller's merchant, and sets its threshold:
 * the merchant's administrators and its API keys do. Every change is audited; one that loosens the
 * policy while it is on (off, or a higher threshold) as {@code approval.policy.loosened}, so that
 * it stands out in the trail. The caller owns the transaction.
 */
public record ApprovalPolicy(Merchants merchants, AuditRecorder audit) {

    /** Above how many deliveries the caller's merchant holds a bulk replay for approval; empty: off. */
    public Optional<Integer> bulkReplayThreshold(Caller caller) {
        return merchant(caller.merchantId()).bulkReplayApprovalAbove();
    }

    public Merchant setBulkReplayThreshold(Caller caller, Optional<Integer> above) {
        caller.requireMayAdminister();
        Merchant merchant = merchant(caller.merchantId());
        Optional<Integer> before = merchant.bulkReplayApprovalAbove();
        merchant.requireApprovalForBulkReplaysAbove(above);
        if (before.equals(merchant.bulkReplayApprovalAbove())) {
            return merchant;
        }
        merchants.update(merchant);
        boolean loosened = before.isPresent() && (above.isEmpty() || above.get() > before.get());
        audit.record(merchant.id(), loosened ? "approval.policy.loosened" : "approval.policy.changed",
            "four-eyes for bulk replays", "was " + describe(before) + ", now " + describe(above));
        return merchant;
    }

    /** How the console and the audit trail word a threshold. */
    public static String describe(Optional<Integer> above) {
        return above.map(n -> "on above " + n + (n == 1 ? " delivery" : " deliveries")).orElse("off");
    }

    private Merchant merchant(String merchantId) {
        return merchants.byId(merchantId).orElseThrow(() -> new NotFound("merchant"));
    }
}
