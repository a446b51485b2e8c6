package dev.payhooks.domain.refund;

import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;

import java.time.Instant;
import java.util.List;

/** The stored form of a {@link Refund}, for repositories. Nullable fields as in {@link Refund}. */
public record RefundSnapshot(RefundId id, TransactionId transactionId, RefundKind kind, String grantedRefundId,
                             Money amount, List<RefundLine> lines, boolean includesShipping, RefundStage stage,
                             RefundStatus status, String providerReference, String message,
                             Instant requestedAt, Instant updatedAt, long version) {

    public RefundSnapshot {
        lines = List.copyOf(lines);
    }
}
