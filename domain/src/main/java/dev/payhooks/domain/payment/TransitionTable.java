package dev.payhooks.domain.payment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.payhooks.domain.payment.Operation.*;
import static dev.payhooks.domain.payment.OperationResult.*;
import static dev.payhooks.domain.payment.TransactionStatus.*;

/**
 * Which (operation, result) a transaction in a given status accepts, and the status it moves
 * to: Kill Bill's explicit table of allowed follow-up operations. Anything not listed is an
 * illegal transition. Amount rules (how much may be captured, refunded…) are checked by
 * {@link PaymentTransaction} on top of this table.
 *
 * <pre>
 * NEW, FAILED                       AUTHORIZE  S→AUTHORIZED  F→FAILED  R→AUTHORIZATION_REQUESTED  A→AUTHORIZATION_ACTION_REQUIRED
 *                                   CHARGE     S→CHARGED     F→FAILED  R→CHARGE_REQUESTED         A→CHARGE_ACTION_REQUIRED
 * AUTHORIZATION_REQUESTED,
 * AUTHORIZATION_ACTION_REQUIRED     AUTHORIZE  as from NEW
 * CHARGE_REQUESTED,
 * CHARGE_ACTION_REQUIRED            CHARGE     as from NEW
 * AUTHORIZED                        CHARGE     S→CHARGED    F,R→AUTHORIZED
 *                                   CANCEL     S→CANCELLED  F,R→AUTHORIZED
 * CHARGED                           CHARGE     S,F,R→CHARGED      (capture of what remains authorized)
 *                                   CANCEL     S,F,R→CHARGED      (void of what remains authorized)
 *                                   REFUND     S→by refunded amount  F,R→CHARGED
 *                                   CHARGEBACK S→CHARGED_BACK  F,R→CHARGED
 * PARTIALLY_REFUNDED                REFUND     S→by refunded amount  F,R→PARTIALLY_REFUNDED
 *                                   REFUND_REVERSAL S→by refunded amount
 *                                   CHARGEBACK S→CHARGED_BACK  F,R→PARTIALLY_REFUNDED
 * REFUNDED                          REFUND_REVERSAL S→by refunded amount
 *                                   CHARGEBACK S→CHARGED_BACK  F,R→REFUNDED
 * CANCELLED, CHARGED_BACK           nothing
 * </pre>
 * "By refunded amount": CHARGED when nothing is refunded, PARTIALLY_REFUNDED when part is,
 * REFUNDED when all of it is. A failure keeps the status it came from, so what was allowed
 * before stays allowed. ACTION_REQUIRED exists only before money moved: captures, cancels,
 * refunds and chargebacks never wait for the customer.
 */
public final class TransitionTable {

    /** Where a transition leads. */
    public sealed interface Target {

        TransactionStatus resolve(TransactionAmounts after);

        /** Always this status. */
        record To(TransactionStatus status) implements Target {
            @Override
            public TransactionStatus resolve(TransactionAmounts after) {
                return status;
            }
        }

        /** CHARGED, PARTIALLY_REFUNDED or REFUNDED, by how much of the charge is refunded. */
        record ByRefundedAmount() implements Target {
            @Override
            public TransactionStatus resolve(TransactionAmounts after) {
                if (after.refunded().isZero()) {
                    return CHARGED;
                }
                return after.refunded().compareTo(after.charged()) < 0 ? PARTIALLY_REFUNDED : REFUNDED;
            }
        }
    }

    private static final Map<TransactionStatus, Map<Operation, Map<OperationResult, Target>>> TABLE =
        new EnumMap<>(TransactionStatus.class);

    static {
        for (TransactionStatus from : TransactionStatus.values()) {
            TABLE.put(from, new EnumMap<>(Operation.class));
        }
        for (TransactionStatus from : EnumSet.of(NEW, FAILED)) {
            paymentAttempt(from, AUTHORIZE, AUTHORIZED, AUTHORIZATION_REQUESTED, AUTHORIZATION_ACTION_REQUIRED);
            paymentAttempt(from, CHARGE, CHARGED, CHARGE_REQUESTED, CHARGE_ACTION_REQUIRED);
        }
        for (TransactionStatus from : EnumSet.of(AUTHORIZATION_REQUESTED, AUTHORIZATION_ACTION_REQUIRED)) {
            paymentAttempt(from, AUTHORIZE, AUTHORIZED, AUTHORIZATION_REQUESTED, AUTHORIZATION_ACTION_REQUIRED);
        }
        for (TransactionStatus from : EnumSet.of(CHARGE_REQUESTED, CHARGE_ACTION_REQUIRED)) {
            paymentAttempt(from, CHARGE, CHARGED, CHARGE_REQUESTED, CHARGE_ACTION_REQUIRED);
        }

        asyncOperation(AUTHORIZED, CHARGE, to(CHARGED));
        asyncOperation(AUTHORIZED, CANCEL, to(CANCELLED));

        asyncOperation(CHARGED, CHARGE, to(CHARGED));
        asyncOperation(CHARGED, CANCEL, to(CHARGED));
        asyncOperation(CHARGED, REFUND, new Target.ByRefundedAmount());
        asyncOperation(CHARGED, CHARGEBACK, to(CHARGED_BACK));

        asyncOperation(PARTIALLY_REFUNDED, REFUND, new Target.ByRefundedAmount());
        allow(PARTIALLY_REFUNDED, REFUND_REVERSAL, SUCCESS, new Target.ByRefundedAmount());
        asyncOperation(PARTIALLY_REFUNDED, CHARGEBACK, to(CHARGED_BACK));

        allow(REFUNDED, REFUND_REVERSAL, SUCCESS, new Target.ByRefundedAmount());
        asyncOperation(REFUNDED, CHARGEBACK, to(CHARGED_BACK));
    }

    private TransitionTable() {
    }

    /** Where (operation, result) leads from this status, or empty if it is not allowed there. */
    public static Optional<Target> target(TransactionStatus from, Operation operation, OperationResult result) {
        return Optional.ofNullable(TABLE.get(from).getOrDefault(operation, Map.of()).get(result));
    }

    public static boolean allows(TransactionStatus from, Operation operation, OperationResult result) {
        return target(from, operation, result).isPresent();
    }

    /** The operations that have at least one allowed result from this status. */
    public static Set<Operation> allowedFrom(TransactionStatus from) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        operations.addAll(TABLE.get(from).keySet());
        return Collections.unmodifiableSet(operations);
    }

    /** The results accepted for this operation from this status. */
    public static Set<OperationResult> resultsAllowed(TransactionStatus from, Operation operation) {
        Map<OperationResult, Target> results = TABLE.get(from).get(operation);
        return results == null ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(results.keySet()));
    }

    // an attempt to get paid: it may need the customer, stay pending, fail, or succeed
    private static void paymentAttempt(TransactionStatus from, Operation operation, TransactionStatus succeeded,
                                       TransactionStatus requested, TransactionStatus actionRequired) {
        allow(from, operation, SUCCESS, to(succeeded));
        allow(from, operation, FAILURE, to(FAILED));
        allow(from, operation, REQUEST, to(requested));
        allow(from, operation, ACTION_REQUIRED, to(actionRequired));
    }

    // once money moved: a request or a failure leaves the status alone, a success moves it
    private static void asyncOperation(TransactionStatus from, Operation operation, Target onSuccess) {
        allow(from, operation, SUCCESS, onSuccess);
        allow(from, operation, FAILURE, to(from));
        allow(from, operation, REQUEST, to(from));
    }

    private static void allow(TransactionStatus from, Operation operation, OperationResult result, Target target) {
        TABLE.get(from).computeIfAbsent(operation, ignored -> new EnumMap<>(OperationResult.class)).put(result, target);
    }

    private static Target to(TransactionStatus status) {
        return new Target.To(status);
    }
}
