package dev.payhooks.domain.reconciliation;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciliation of one transaction whose outcome is open: a payment attempt still pending
 * or waiting for the customer, or a capture, cancel or refund requested and never confirmed
 * ({@link #open(PaymentTransaction)}). While CHECKING it is asked about at growing intervals
 * ({@link ReconciliationPolicy}); an outcome found, or one that arrived meanwhile, makes it
 * SETTLED; after the last attempt it NEEDS_ATTENTION with the reason, until staff mark it
 * RESOLVED. A closed one (SETTLED, RESOLVED) opens again when its transaction changes after it
 * closed and is still open. A transaction whose Saleor report could not be delivered is flagged
 * as well ({@link #flag}), whatever its outcome's reconciliation was doing. Several writers may
 * change one (checks, flags, staff): each change is stored against the version it was read at,
 * and one made from an older read is refused ({@link Reconciliations#update}).
 */
public final class Reconciliation extends Aggregate {

    public enum State {
        CHECKING, NEEDS_ATTENTION, SETTLED, RESOLVED;

        public boolean closed() {
            return this == SETTLED || this == RESOLVED;
        }
    }

    /** Statuses of a payment attempt whose outcome has not come. */
    public static final Set<TransactionStatus> OPEN_STATUSES = EnumSet.of(TransactionStatus.AUTHORIZATION_REQUESTED,
        TransactionStatus.AUTHORIZATION_ACTION_REQUIRED, TransactionStatus.CHARGE_REQUESTED,
        TransactionStatus.CHARGE_ACTION_REQUIRED);
    public static final int MAX_TEXT = 500;

    private final TransactionId transactionId;
    private final String merchantId;
    private State state;
    private int attempts;
    private Instant nextCheckAt;
    private Instant lastCheckedAt;
    private String lastResult;
    private String reason;
    private String resolvedBy;
    private final Instant openedAt;
    private Instant updatedAt;

    /** As stored; for repositories. */
    public Reconciliation(TransactionId transactionId, String merchantId, State state, int attempts, Instant nextCheckAt,
                          Instant lastCheckedAt, String lastResult, String reason, String resolvedBy, Instant openedAt,
                          Instant updatedAt, long version) {
        super(version);
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.state = Objects.requireNonNull(state, "state");
        this.attempts = attempts;
        this.nextCheckAt = Objects.requireNonNull(nextCheckAt, "nextCheckAt");
        this.lastCheckedAt = lastCheckedAt;
        this.lastResult = lastResult;
        this.reason = reason;
        this.resolvedBy = resolvedBy;
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new reconciliation of a merchant's transaction, due at once. */
    public static Reconciliation start(String merchantId, TransactionId transactionId, Instant at) {
        return new Reconciliation(transactionId, merchantId, State.CHECKING, 0, at, null, null, null, null, at, at, 0);
    }

    /** A transaction that had no reconciliation, flagged for staff at once for {@code reason}. */
    public static Reconciliation flagged(String merchantId, TransactionId transactionId, String reason, Instant at) {
        Reconciliation flagged = start(merchantId, transactionId, at);
        flagged.flag(reason, at);
        return flagged;
    }

    /**
     * Something other than the outcome needs staff ({@code reason}, e.g. a Saleor report that
     * could not be delivered): NEEDS_ATTENTION from any state, checks of an open outcome stop
     * until staff resolve it; its checks and their last result stay as they were. One flagged
     * already keeps its reason and gets this one added.
     */
    public void flag(String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        this.reason = state == State.NEEDS_ATTENTION && this.reason != null ? cut(this.reason + " — " + reason) : cut(reason);
        state = State.NEEDS_ATTENTION;
        resolvedBy = null;
        updatedAt = at;
    }

    /**
     * Whether the transaction's outcome is open: an attempt pending or waiting for the customer,
     * or an amount requested and not confirmed.
     */
    public static boolean open(PaymentTransaction transaction) {
        return OPEN_STATUSES.contains(transaction.status()) || transaction.hasPendingRequest();
    }

    /** The transaction changed after this closed and is open again: checked anew from the first attempt. */
    public void reopen(Instant at) {
        if (!state.closed()) {
            throw new IllegalTransition("reconciliation of " + transactionId, state.name(), "reopen", "SETTLED, RESOLVED");
        }
        state = State.CHECKING;
        attempts = 0;
        nextCheckAt = at;
        reason = null;
        resolvedBy = null;
        updatedAt = at;
    }

    /**
     * A check left the outcome unknown ({@code result} says why): checked again after the
     * policy's delay, or flagged for staff after the last attempt. Returns whether it was flagged.
     */
    public boolean stillUnknown(String result, Instant at, ReconciliationPolicy policy) {
        requireChecking("record a check");
        attempts++;
        lastCheckedAt = at;
        lastResult = cut(result);
        updatedAt = at;
        if (attempts >= policy.maxAttempts()) {
            state = State.NEEDS_ATTENTION;
            reason = cut("Outcome still unknown after " + attempts + (attempts == 1 ? " check: " : " checks: ") + result);
            return true;
        }
        nextCheckAt = at.plus(policy.delayAfter(attempts));
        return false;
    }

    /** The outcome is known: found by a check ({@code checked}) or arrived meanwhile. */
    public void settled(String result, boolean checked, Instant at) {
        requireChecking("settle");
        if (checked) {
            attempts++;
            lastCheckedAt = at;
        }
        lastResult = cut(result);
        state = State.SETTLED;
        updatedAt = at;
    }

    /** Staff took care of a flagged transaction. */
    public void resolve(String by, String note, Instant at) {
        if (state != State.NEEDS_ATTENTION) {
            throw new IllegalTransition("reconciliation of " + transactionId, state.name(), "mark resolved",
                "NEEDS_ATTENTION only");
        }
        state = State.RESOLVED;
        resolvedBy = cut(Objects.requireNonNull(by, "by"));
        if (note != null && !note.isBlank()) {
            lastResult = cut(note.strip());
        }
        updatedAt = at;
    }

    private void requireChecking(String attempted) {
        if (state != State.CHECKING) {
            throw new IllegalTransition("reconciliation of " + transactionId, state.name(), attempted, "CHECKING only");
        }
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }

    public TransactionId transactionId() { return transactionId; }
    public String merchantId() { return merchantId; }
    public State state() { return state; }
    public boolean needsAttention() { return state == State.NEEDS_ATTENTION; }
    public int attempts() { return attempts; }
    public Instant nextCheckAt() { return nextCheckAt; }
    public Optional<Instant> lastCheckedAt() { return Optional.ofNullable(lastCheckedAt); }
    public Optional<String> lastResult() { return Optional.ofNullable(lastResult); }
    /** Why staff are asked to look, while or since it was flagged. */
    public Optional<String> reason() { return Optional.ofNullable(reason); }
    public Optional<String> resolvedBy() { return Optional.ofNullable(resolvedBy); }
    public Instant openedAt() { return openedAt; }
    public Instant updatedAt() { return updatedAt; }
}
