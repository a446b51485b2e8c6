package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code transactionEventReport} waiting for Saleor: a provider outcome of a Saleor
 * transaction that Saleor did not learn from a webhook
 * answer (Adyen's capture, refund, cancel… notifications). Written in the transaction that
 * records the outcome, sent afterwards by a background sender: a Saleor that does not answer or
 * fails is tried again with backoff ({@link #RETRY_DELAYS}); a report Saleor refuses with
 * GraphQL errors (e.g. {@code INCORRECT_DETAILS}) is FAILED at once with the reason, since
 * sending it again cannot change Saleor's answer. A FAILED report says why ({@link Failure}): one
 * given up undelivered is sent again by the reconciliation job ({@link #redeliverable()}) at the
 * reconciliation policy's intervals, and after its last try the transaction is flagged for staff.
 * A report names the merchant and hub transaction it reports on; one stored before reports did
 * may name none and is then not sent again.
 */
public final class TransactionReport extends SaleorCall<TransactionReport.Status> {

    public enum Status { PENDING, SENT, FAILED }

    /** Why a report is FAILED. */
    public enum Failure {
        /** Saleor answered with errors: never sent again. */
        REFUSED,
        /** Saleor did not take it within the retries: the reconciliation sends it again. */
        UNDELIVERED,
        /** Not taken by the reconciliation's tries either: its transaction was flagged for staff. */
        FLAGGED
    }

    /** Wait after the n-th failed attempt; after the last one the report is given up (FAILED). */
    public static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3),
        Duration.ofHours(6), Duration.ofHours(12));
    public static final int MAX_ATTEMPTS = RETRY_DELAYS.size() + 1;
    static final int MAX_TEXT = 1000;

    private final String merchantId;
    private final TransactionId transactionId;
    private final String saleorTransactionId;
    private final String pspReference;
    private final String type;
    private final String amount;
    private final Instant time;
    private final String message;
    private String lastError;
    private Instant dueAt;
    private Failure failure;
    private int redeliveries;

    /** As stored; {@code merchantId} and {@code transactionId} are null for a report stored without them. */
    public TransactionReport(String id, String merchantId, TransactionId transactionId, String apiUrl, ProviderId provider,
                             String saleorTransactionId, String pspReference, String type, String amount, Instant time,
                             String message, Status status, int attempts, String lastError, Instant dueAt, Failure failure,
                             int redeliveries, Instant createdAt, Instant updatedAt) {
        super(id, apiUrl, provider, status, attempts, createdAt, updatedAt);
        if ((merchantId == null) != (transactionId == null)) {
            throw new IllegalArgumentException("a report names both its merchant and its transaction, or neither");
        }
        if ((status == Status.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a FAILED report, and only one, says why: " + status + " " + failure);
        }
        this.merchantId = merchantId;
        this.transactionId = transactionId;
        this.failure = failure;
        this.redeliveries = redeliveries;
        this.saleorTransactionId = Objects.requireNonNull(saleorTransactionId, "saleorTransactionId");
        this.pspReference = Objects.requireNonNull(pspReference, "pspReference");
        this.type = Objects.requireNonNull(type, "type");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.time = Objects.requireNonNull(time, "time");
        this.message = message == null ? null : cut(message, 512);
        this.lastError = lastError;
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * A new report on the merchant's transaction, due at once. {@code amount} is in major units as
     * Saleor takes it ("25.00").
     */
    public static TransactionReport toSend(String id, String merchantId, TransactionId transactionId, String apiUrl,
                                           ProviderId provider, String saleorTransactionId, String pspReference,
                                           String type, String amount, Instant time, String message, Instant at) {
        return new TransactionReport(id, Objects.requireNonNull(merchantId, "merchantId"),
            Objects.requireNonNull(transactionId, "transactionId"), apiUrl, provider, saleorTransactionId, pspReference,
            type, amount, time, message, Status.PENDING, 0, null, at, null, 0, at, at);
    }

    /**
     * Saleor's {@code TransactionEventTypeEnum} for a recorded outcome, empty for outcomes that
     * are not reported (pending requests and action-required steps are the webhook answer's).
     */
    public static Optional<String> saleorType(Operation operation, OperationResult result) {
        boolean success = result == OperationResult.SUCCESS;
        if (result != OperationResult.SUCCESS && result != OperationResult.FAILURE) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (operation) {
            case AUTHORIZE -> success ? "AUTHORIZATION_SUCCESS" : "AUTHORIZATION_FAILURE";
            case CHARGE -> success ? "CHARGE_SUCCESS" : "CHARGE_FAILURE";
            case CANCEL -> success ? "CANCEL_SUCCESS" : "CANCEL_FAILURE";
            case REFUND -> success ? "REFUND_SUCCESS" : "REFUND_FAILURE";
            case REFUND_REVERSAL -> success ? "REFUND_REVERSE" : null;
            case CHARGEBACK -> success ? "CHARGE_BACK" : null;
            default -> null;
        });
    }

    /** Saleor took it (or had it already: {@code alreadyProcessed}). */
    public void sent(Instant at) {
        countRedelivery();
        attempted(at);
        status(Status.SENT);
        failure = null;
        lastError = null;
    }

    /** Saleor answered with errors: sending the same report again cannot help. */
    public void refused(String reason, Instant at) {
        countRedelivery();
        attempted(at);
        status(Status.FAILED);
        failure = Failure.REFUSED;
        lastError = cut(reason == null ? "refused" : reason, MAX_TEXT);
    }

    /**
     * Saleor did not answer in time or could not be reached: due again after the next delay, or
     * given up (FAILED, {@link Failure#UNDELIVERED}: the reconciliation's from {@code at} on).
     */
    public void notDelivered(String why, Instant at) {
        if (status() != Status.PENDING) {
            throw new IllegalStateException("report " + id() + " is " + status() + ", not waiting to be sent");
        }
        int attempts = attempted(at);
        lastError = cut(why == null ? "unknown" : why, MAX_TEXT);
        if (attempts >= MAX_ATTEMPTS) {
            status(Status.FAILED);
            failure = Failure.UNDELIVERED;
            dueAt = at;
        } else {
            dueAt = at.plus(RETRY_DELAYS.get(attempts - 1));
        }
    }

    /** Whether the reconciliation sends it again: given up undelivered, on a transaction the report names. */
    public boolean redeliverable() {
        return failure == Failure.UNDELIVERED && transactionId != null;
    }

    /**
     * The reconciliation sent it again and Saleor did not take it: sent again after the policy's
     * delay, or after the policy's last try {@link Failure#FLAGGED} (its transaction is flagged for
     * staff). Returns whether it was the last try.
     */
    public boolean stillUndelivered(String why, Instant at, ReconciliationPolicy policy) {
        if (!redeliverable()) {
            throw new IllegalStateException("report " + id() + " is not one the reconciliation sends again");
        }
        countRedelivery();
        attempted(at);
        lastError = cut(why == null ? "unknown" : why, MAX_TEXT);
        if (redeliveries >= policy.maxAttempts()) {
            failure = Failure.FLAGGED;
            return true;
        }
        dueAt = at.plus(policy.delayAfter(redeliveries));
        return false;
    }

    /** An attempt on a FAILED report is the reconciliation's. */
    private void countRedelivery() {
        if (status() == Status.FAILED) {
            redeliveries++;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Optional<String> merchantId() { return Optional.ofNullable(merchantId); }
    public Optional<TransactionId> transactionId() { return Optional.ofNullable(transactionId); }
    public String saleorTransactionId() { return saleorTransactionId; }
    public String pspReference() { return pspReference; }
    public String type() { return type; }
    public String amount() { return amount; }
    public Instant time() { return time; }
    public String message() { return message; }
    public String lastError() { return lastError; }
    public Instant dueAt() { return dueAt; }
    /** Why it is FAILED; empty while it is not. */
    public Optional<Failure> failure() { return Optional.ofNullable(failure); }
    /** How often the reconciliation sent it again. */
    public int redeliveries() { return redeliveries; }
}
