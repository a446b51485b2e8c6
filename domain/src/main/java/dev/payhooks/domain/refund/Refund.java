package dev.payhooks.domain.refund;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.CurrencyMismatch;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request to give money back on one transaction, and how it ended. The transaction's own
 * amounts move through {@code PaymentTransaction.refund…}; this keeps what the transaction
 * does not: the kind, the lines and shipping of a granted refund, the shipment stage, and
 * why it failed — so that a refund that failed part-way (NP Atobarai: cancelled, then
 * re-registration failed) stays visible to staff instead of half-applied and silent.
 */
public final class Refund extends Aggregate {

    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final RefundId id;
    private final TransactionId transactionId;
    private final RefundKind kind;
    private final String grantedRefundId;
    private final Money amount;
    private final List<RefundLine> lines;
    private final boolean includesShipping;
    private final RefundStage stage;
    private RefundStatus status;
    private String providerReference;
    private String message;
    private final Instant requestedAt;
    private Instant updatedAt;

    private Refund(RefundSnapshot s) {
        super(s.version());
        this.id = Objects.requireNonNull(s.id(), "id");
        this.transactionId = Objects.requireNonNull(s.transactionId(), "transactionId");
        this.kind = Objects.requireNonNull(s.kind(), "kind");
        this.grantedRefundId = s.grantedRefundId();
        this.amount = Objects.requireNonNull(s.amount(), "amount");
        this.lines = s.lines();
        this.includesShipping = s.includesShipping();
        this.stage = Objects.requireNonNull(s.stage(), "stage");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.providerReference = s.providerReference();
        this.message = s.message();
        this.requestedAt = Objects.requireNonNull(s.requestedAt(), "requestedAt");
        this.updatedAt = Objects.requireNonNull(s.updatedAt(), "updatedAt");
        requireValid();
    }

    /** A refund of an amount chosen by staff, without lines. */
    public static Refund requestManual(RefundId id, TransactionId transactionId, Money amount, RefundStage stage,
                                       Instant at) {
        return new Refund(new RefundSnapshot(id, transactionId, RefundKind.MANUAL, null, amount, List.of(), false,
            stage, RefundStatus.REQUESTED, null, null, at, at, 0));
    }

    /**
     * A granted refund: these lines, and the shipping costs too if {@code includesShipping}.
     *
     * @param grantedRefundId Saleor's id of the granted refund
     */
    public static Refund requestGranted(RefundId id, TransactionId transactionId, String grantedRefundId, Money amount,
                                        List<RefundLine> lines, boolean includesShipping, RefundStage stage,
                                        Instant at) {
        return new Refund(new RefundSnapshot(id, transactionId, RefundKind.GRANTED, grantedRefundId, amount,
            Objects.requireNonNull(lines, "lines"), includesShipping, stage, RefundStatus.REQUESTED, null, null,
            at, at, 0));
    }

    /** Rebuilds a stored refund; for repositories only. */
    public static Refund reconstitute(RefundSnapshot stored) {
        return new Refund(stored);
    }

    public RefundSnapshot snapshot() {
        return new RefundSnapshot(id, transactionId, kind, grantedRefundId, amount, lines, includesShipping, stage,
            status, providerReference, message, requestedAt, updatedAt, version());
    }

    /**
     * The provider confirmed the refund.
     *
     * @param reference the provider's reference for it (Adyen's refund pspReference, NP
     *                  Atobarai's new transaction id after re-registration), or null
     */
    public void succeeded(String reference, Instant at) {
        requireRequested("mark as succeeded");
        this.providerReference = reference == null || reference.isBlank() ? null : reference;
        this.status = RefundStatus.SUCCEEDED;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** The refund failed; the message says at which step and why, for staff to act on. */
    public void failed(String why, Instant at) {
        requireRequested("mark as failed");
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a failed refund needs a message saying what failed");
        }
        this.message = why.length() <= MAX_MESSAGE_LENGTH ? why : why.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
        this.status = RefundStatus.FAILED;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** NP Atobarai's rule: "full" means the refund amount equals the transaction's charged amount. */
    public boolean isFullRefundOf(Money charged) {
        return amount.equals(charged);
    }

    public RefundId id() { return id; }
    public TransactionId transactionId() { return transactionId; }
    public RefundKind kind() { return kind; }
    /** Saleor's granted refund id; empty for a manual refund. */
    public Optional<String> grantedRefundId() { return Optional.ofNullable(grantedRefundId); }
    public Money amount() { return amount; }
    /** The granted lines; empty for a manual refund. */
    public List<RefundLine> lines() { return lines; }
    public boolean includesShipping() { return includesShipping; }
    public RefundStage stage() { return stage; }
    public RefundStatus status() { return status; }
    public Optional<String> providerReference() { return Optional.ofNullable(providerReference); }
    /** Why it failed; empty unless FAILED. */
    public Optional<String> message() { return Optional.ofNullable(message); }
    public Instant requestedAt() { return requestedAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "Refund[" + id + ", transaction=" + transactionId + ", " + kind + ", " + amount + ", " + stage + ", "
            + status + "]";
    }

    private void requireRequested(String attempt) {
        if (status != RefundStatus.REQUESTED) {
            throw new IllegalTransition("refund " + id, status.name(), attempt, "nothing, it is final");
        }
    }

    private void requireValid() {
        if (!amount.isPositive()) {
            throw new InvalidValue("refund amount must be positive, got " + amount);
        }
        if (kind == RefundKind.MANUAL) {
            if (!lines.isEmpty() || includesShipping || grantedRefundId != null) {
                throw new IllegalArgumentException("a manual refund has no lines, no shipping and no granted refund id");
            }
            return;
        }
        if (grantedRefundId == null || grantedRefundId.isBlank()) {
            throw new InvalidValue("a granted refund needs Saleor's granted refund id");
        }
        // bounded like every other Saleor id: it is half of a unique key, and an index entry has a size limit
        RefundLine.requireId(grantedRefundId, "granted refund id");
        if (lines.isEmpty() && !includesShipping) {
            throw new InvalidValue("granted refund " + grantedRefundId + " refunds neither lines nor shipping");
        }
        Set<String> lineIds = new HashSet<>();
        for (RefundLine line : lines) {
            if (!lineIds.add(line.lineId())) {
                throw new InvalidValue("granted refund " + grantedRefundId + " lists line " + line.lineId() + " twice");
            }
            if (line.amount() != null && line.amount().currency() != amount.currency()) {
                throw new CurrencyMismatch("refund line " + line.lineId() + " is in " + line.amount().currency().code()
                    + " but the refund is in " + amount.currency().code());
            }
        }
    }
}
