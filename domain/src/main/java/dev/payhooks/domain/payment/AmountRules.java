package dev.payhooks.domain.payment;

import dev.payhooks.domain.payment.TransactionAmounts.Kind;

import static dev.payhooks.domain.payment.Operation.AUTHORIZE;
import static dev.payhooks.domain.payment.OperationResult.FAILURE;
import static dev.payhooks.domain.payment.OperationResult.REQUEST;
import static dev.payhooks.domain.payment.OperationResult.SUCCESS;

/**
 * The amount rules of one {@link PaymentTransaction}: what its amounts become after a reported
 * (operation, result), or why that report is refused ({@link AmountLimitExceeded}):
 * <ul>
 *   <li>a capture never exceeds what remains authorized (a sale needs no authorization);</li>
 *   <li>a cancel voids the whole uncaptured remainder of the authorization, so there is
 *       nothing to cancel after a full charge, and never while a capture is pending;</li>
 *   <li>refunds never exceed what was charged, less what is refunded or being refunded.</li>
 * </ul>
 * The transition table has already allowed the (operation, result) for the current status.
 */
final class AmountRules {

    private final TransactionId id;
    private final TransactionAmounts amounts;

    AmountRules(TransactionId id, TransactionAmounts amounts) {
        this.id = id;
        this.amounts = amounts;
    }

    // authorization or sale attempts: one at a time, so an outcome settles whatever was pending
    TransactionAmounts afterPaymentAttempt(Operation operation, OperationResult result, Money amount) {
        boolean authorization = operation == AUTHORIZE;
        Kind settledKind = authorization ? Kind.AUTHORIZED : Kind.CHARGED;
        Kind pendingKind = authorization ? Kind.AUTHORIZATION_PENDING : Kind.CHARGE_PENDING;
        TransactionAmounts settled = amounts.with(pendingKind, Money.zero(amounts.currency()));
        return switch (result) {
            case SUCCESS -> settled.plus(settledKind, amount);
            case FAILURE -> settled;
            case REQUEST, ACTION_REQUIRED -> settled.with(pendingKind, amount);
        };
    }

    TransactionAmounts afterFollowUp(Operation operation, OperationResult result, Money amount) {
        return switch (operation) {
            case CHARGE -> afterCapture(result, amount);
            case CANCEL -> afterCancel(result, amount);
            case REFUND -> afterRefund(result, amount);
            case REFUND_REVERSAL -> afterRefundReversal(amount);
            case CHARGEBACK -> afterChargeback(result, amount);
            case AUTHORIZE -> throw new IllegalStateException("the transition table allows no authorization once paid");
        };
    }

    private TransactionAmounts afterCapture(OperationResult result, Money amount) {
        return afterRequested(result, amount, Kind.CHARGED, Kind.CHARGE_PENDING, "capture",
            new Limit(amounts.capturable(), "what remains to capture"),
            new Limit(amounts.uncaptured(), "what remains authorized"));
    }

    /** The most an operation may take, by name for the refusal. */
    private record Limit(Money amount, String name) { }

    /**
     * A capture or a refund: requested (pending until confirmed), confirmed (settled, whatever of it
     * was pending no longer is) or failed (no longer pending).
     */
    private TransactionAmounts afterRequested(OperationResult result, Money amount, Kind settledKind, Kind pendingKind,
                                              String what, Limit requestLimit, Limit successLimit) {
        Money pending = amounts.get(pendingKind);
        Money pendingLeft = pending.minus(amount.min(pending));
        return switch (result) {
            case REQUEST -> {
                requireAtMost(amount, requestLimit.amount(), what, requestLimit.name());
                yield amounts.plus(pendingKind, amount);
            }
            case SUCCESS -> {
                requireAtMost(amount, successLimit.amount(), what, successLimit.name());
                yield amounts.plus(settledKind, amount).with(pendingKind, pendingLeft);
            }
            case FAILURE -> amounts.with(pendingKind, pendingLeft);
            case ACTION_REQUIRED -> throw new IllegalStateException("not in the transition table");
        };
    }

    // the reported amount is kept on the event; the amount voided is always the remainder
    private TransactionAmounts afterCancel(OperationResult result, Money amount) {
        TransactionAmounts a = amounts;
        Money zero = Money.zero(amounts.currency());
        if (result == FAILURE) {
            return a.with(Kind.CANCEL_PENDING, zero);
        }
        if (a.chargePending().isPositive()) {
            throw new AmountLimitExceeded("cannot cancel transaction " + id + " while a capture of "
                + a.chargePending() + " is pending");
        }
        Money remainder = a.uncaptured();
        if (!remainder.isPositive()) {
            throw new AmountLimitExceeded(nothingToCancel());
        }
        requireAtMost(amount, a.authorized(), "cancel", "the authorized amount");
        return result == REQUEST
            ? a.with(Kind.CANCEL_PENDING, remainder)
            : a.plus(Kind.CANCELLED, remainder).with(Kind.CANCEL_PENDING, zero);
    }

    private TransactionAmounts afterRefund(OperationResult result, Money amount) {
        return afterRequested(result, amount, Kind.REFUNDED, Kind.REFUND_PENDING, "refund",
            new Limit(amounts.refundable(), "the refundable amount"),
            new Limit(amounts.charged().minus(amounts.refunded()), "the charged amount not yet refunded"));
    }

    private TransactionAmounts afterRefundReversal(Money amount) {
        requireAtMost(amount, amounts.refunded(), "refund reversal", "the refunded amount");
        return amounts.with(Kind.REFUNDED, amounts.refunded().minus(amount));
    }

    private TransactionAmounts afterChargeback(OperationResult result, Money amount) {
        requireAtMost(amount, amounts.charged(), "chargeback", "the charged amount");
        if (result == SUCCESS) {
            Money total = amounts.chargedBack().plus(amount);
            requireAtMost(total, amounts.charged(), "chargeback", "the charged amount");
            return amounts.with(Kind.CHARGED_BACK, total);
        }
        return amounts;
    }

    private void requireAtMost(Money amount, Money limit, String what, String limitName) {
        if (amount.isGreaterThan(limit)) {
            throw new AmountLimitExceeded(what + " of " + amount + " exceeds " + limitName + " (" + limit
                + ") of transaction " + id + ": " + describeAmounts());
        }
    }

    private String nothingToCancel() {
        if (amounts.authorized().isZero()) {
            return "nothing to cancel: transaction " + id + " was charged without an authorization";
        }
        if (amounts.charged().compareTo(amounts.authorized()) >= 0) {
            return "cannot cancel after a full charge: all of the authorized " + amounts.authorized()
                + " of transaction " + id + " is charged";
        }
        return "nothing left to cancel on transaction " + id + ": " + describeAmounts();
    }

    private String describeAmounts() {
        TransactionAmounts a = amounts;
        return "authorized " + a.authorized() + ", charged " + a.charged() + ", refunded " + a.refunded()
            + ", cancelled " + a.cancelled() + ", pending capture " + a.chargePending() + ", pending refund "
            + a.refundPending() + ", pending cancel " + a.cancelPending();
    }
}
