package dev.payhooks.domain.inbound;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification a payment provider sent, kept exactly as it arrived (raw bytes and the
 * headers that matter) before anything is decoded, so nothing acknowledged is lost and every
 * decision can be re-checked later. It then records how processing went:
 *
 * <pre>
 * RECEIVED ─┬─→ PROCESSED   (final)
 *           ├─→ IGNORED     (final: no effect, e.g. unknown event type)
 *           └─→ FAILED ─┬─→ PROCESSED | IGNORED
 *                       └─→ FAILED    (tried again until {@link #MAX_PROCESSING_ATTEMPTS})
 * </pre>
 *
 * A notification whose verification failed is stored IGNORED from the start: it is kept for
 * staff to see, and never applied.
 *
 * <p>Times are kept to the microsecond, the precision both databases store, so a notification
 * reads back equal to what was written.
 */
public final class InboundNotification extends Aggregate {

    /** After this many failed attempts a notification waits for staff instead of the retry loop. */
    public static final int MAX_PROCESSING_ATTEMPTS = 10;
    public static final int MAX_STATUS_REASON_LENGTH = 1000;
    public static final int MAX_MERCHANT_ID_LENGTH = 36;
    public static final int MAX_CHANNEL_SLUG_LENGTH = 100;

    private final String id;
    private final ProviderId provider;
    private final NotificationKey key;
    private final String merchantId;
    private final String channelSlug;
    private final byte[] rawBody;
    private final NotificationHeaders headers;
    private final Instant receivedAt;
    private final VerificationResult verification;
    private ProcessingStatus status;
    private String statusReason;
    private int attempts;
    private Instant lastAttemptAt;
    private TransactionId transactionId;
    private final Instant redactedAt;
    private final CorrelationId correlationId;
    private final int lane;

    private InboundNotification(String id, ProviderId provider, NotificationKey key, String merchantId,
                                String channelSlug, byte[] rawBody, NotificationHeaders headers,
                                Instant receivedAt, VerificationResult verification, ProcessingStatus status,
                                String statusReason, int attempts, Instant lastAttemptAt, TransactionId transactionId,
                                Instant redactedAt, CorrelationId correlationId, int lane, long version) {
        super(version);
        this.id = Required.text(id, "id", 36);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.key = Objects.requireNonNull(key, "key");
        this.merchantId = optionalText(merchantId, "merchantId", MAX_MERCHANT_ID_LENGTH);
        this.channelSlug = optionalText(channelSlug, "channelSlug", MAX_CHANNEL_SLUG_LENGTH);
        this.rawBody = Objects.requireNonNull(rawBody, "rawBody").clone();
        this.headers = Objects.requireNonNull(headers, "headers");
        this.receivedAt = toMicros(Objects.requireNonNull(receivedAt, "receivedAt"));
        this.verification = Objects.requireNonNull(verification, "verification");
        this.status = Objects.requireNonNull(status, "status");
        this.statusReason = statusReason;
        this.attempts = attempts;
        this.lastAttemptAt = lastAttemptAt == null ? null : toMicros(lastAttemptAt);
        this.transactionId = transactionId;
        this.redactedAt = redactedAt == null ? null : toMicros(redactedAt);
        this.correlationId = correlationId;
        this.lane = ApplyLanes.requireLane(lane);
        requireConsistentState();
    }

    /**
     * A notification as it arrived. The merchant and channel are absent when the provider named
     * an account Payhooks does not know: such notifications are still stored and acknowledged.
     * It records the correlation id of the request that brought it ({@link Correlation#current()}).
     */
    public static InboundNotification register(String id, ProviderId provider, NotificationKey key,
                                               String merchantId, String channelSlug, byte[] rawBody,
                                               NotificationHeaders headers, VerificationResult verification,
                                               Instant receivedAt) {
        return register(id, provider, key, merchantId, channelSlug, rawBody, headers, verification, receivedAt,
            ApplyLanes.NONE);
    }

    /** {@link #register} in the inbox lane of the payment it is about ({@link ApplyLanes#of}). */
    public static InboundNotification register(String id, ProviderId provider, NotificationKey key,
                                               String merchantId, String channelSlug, byte[] rawBody,
                                               NotificationHeaders headers, VerificationResult verification,
                                               Instant receivedAt, int lane) {
        Objects.requireNonNull(verification, "verification");
        CorrelationId correlation = Correlation.current().orElse(null);
        return verification.isFailed()
            ? new InboundNotification(id, provider, key, merchantId, channelSlug, rawBody, headers, receivedAt,
                verification, ProcessingStatus.IGNORED, "verification failed: " + verification.failureReason(),
                0, null, null, null, correlation, lane, 0)
            : new InboundNotification(id, provider, key, merchantId, channelSlug, rawBody, headers, receivedAt,
                verification, ProcessingStatus.RECEIVED, null, 0, null, null, null, correlation, lane, 0);
    }

    /** Rebuilds a stored notification; for repositories only. */
    public static InboundNotification reconstitute(String id, ProviderId provider, NotificationKey key,
                                                   String merchantId, String channelSlug, byte[] rawBody,
                                                   NotificationHeaders headers, Instant receivedAt,
                                                   VerificationResult verification, ProcessingStatus status,
                                                   String statusReason, int attempts, Instant lastAttemptAt,
                                                   TransactionId transactionId, long version) {
        return reconstitute(id, provider, key, merchantId, channelSlug, rawBody, headers, receivedAt, verification, status,
            statusReason, attempts, lastAttemptAt, transactionId, null, version);
    }

    /** Rebuilds a stored notification whose body may have been redacted ({@code redactedAt}); for repositories only. */
    public static InboundNotification reconstitute(String id, ProviderId provider, NotificationKey key,
                                                   String merchantId, String channelSlug, byte[] rawBody,
                                                   NotificationHeaders headers, Instant receivedAt,
                                                   VerificationResult verification, ProcessingStatus status,
                                                   String statusReason, int attempts, Instant lastAttemptAt,
                                                   TransactionId transactionId, Instant redactedAt, long version) {
        return reconstitute(id, provider, key, merchantId, channelSlug, rawBody, headers, receivedAt, verification, status,
            statusReason, attempts, lastAttemptAt, transactionId, redactedAt, null, ApplyLanes.NONE, version);
    }

    /**
     * Rebuilds a stored notification with the correlation id of the request that stored it and its
     * inbox lane; for repositories only.
     */
    public static InboundNotification reconstitute(String id, ProviderId provider, NotificationKey key,
                                                   String merchantId, String channelSlug, byte[] rawBody,
                                                   NotificationHeaders headers, Instant receivedAt,
                                                   VerificationResult verification, ProcessingStatus status,
                                                   String statusReason, int attempts, Instant lastAttemptAt,
                                                   TransactionId transactionId, Instant redactedAt,
                                                   CorrelationId correlationId, int lane, long version) {
        return new InboundNotification(id, provider, key, merchantId, channelSlug, rawBody, headers, receivedAt,
            verification, status, statusReason, attempts, lastAttemptAt, transactionId, redactedAt, correlationId, lane,
            version);
    }

    /** It was applied to the domain, not to a transaction (e.g. a subscription's event). */
    public void markProcessed(Instant at) {
        finishAttempt(ProcessingStatus.PROCESSED, null, null, at);
    }

    /** It was applied to this transaction. */
    public void markProcessed(TransactionId transaction, Instant at) {
        finishAttempt(ProcessingStatus.PROCESSED, null, Objects.requireNonNull(transaction, "transaction"), at);
    }

    /** It was understood and has no effect (unknown event type, unknown merchant account…). */
    public void markIgnored(String reason, Instant at) {
        finishAttempt(ProcessingStatus.IGNORED, Reasons.shortened(reason, "reason for ignoring", MAX_STATUS_REASON_LENGTH),
            null, at);
    }

    /** It concerned this transaction and has no effect on it (already recorded, or the transaction refused it). */
    public void markIgnored(String reason, TransactionId transaction, Instant at) {
        finishAttempt(ProcessingStatus.IGNORED, Reasons.shortened(reason, "reason for ignoring", MAX_STATUS_REASON_LENGTH),
            Objects.requireNonNull(transaction, "transaction"), at);
    }

    /** Applying it failed; it will be tried again. The error must not contain secrets or the raw body. */
    public void markFailed(String error, Instant at) {
        finishAttempt(ProcessingStatus.FAILED, Reasons.shortened(error, "error", MAX_STATUS_REASON_LENGTH), null, at);
    }

    /** Whether the retry loop should (still) try to apply it. */
    public boolean isAwaitingProcessing() {
        return status == ProcessingStatus.RECEIVED
            || status == ProcessingStatus.FAILED && attempts < MAX_PROCESSING_ATTEMPTS;
    }

    public String id() { return id; }
    public ProviderId provider() { return provider; }
    public NotificationKey key() { return key; }
    public Optional<String> merchantId() { return Optional.ofNullable(merchantId); }
    public Optional<String> channelSlug() { return Optional.ofNullable(channelSlug); }
    /** A copy of the body exactly as received. */
    public byte[] rawBody() { return rawBody.clone(); }
    public int rawBodySize() { return rawBody.length; }
    public NotificationHeaders headers() { return headers; }
    public Instant receivedAt() { return receivedAt; }
    public VerificationResult verification() { return verification; }
    public ProcessingStatus status() { return status; }
    /** Why it was ignored or how its last attempt failed. */
    public Optional<String> statusReason() { return Optional.ofNullable(statusReason); }
    public int attempts() { return attempts; }
    public Optional<Instant> lastAttemptAt() { return Optional.ofNullable(lastAttemptAt); }
    /** The transaction its last attempt applied it to (or found it already recorded on, or refused by). */
    public Optional<TransactionId> transactionId() { return Optional.ofNullable(transactionId); }
    /**
     * When retention replaced the personal fields in its body by a marker: the body no longer
     * matches the provider's signature and is never verified or applied again.
     */
    public Optional<Instant> redactedAt() { return Optional.ofNullable(redactedAt); }
    /** The correlation id of the request that stored it; absent for a notification stored without one. */
    public Optional<CorrelationId> correlationId() { return Optional.ofNullable(correlationId); }
    /** The inbox lane it is applied in ({@link ApplyLanes}): that of the payment it is about. */
    public int lane() { return lane; }

    @Override
    public String toString() {
        // never the body or the headers: they carry personal data and credentials
        return "InboundNotification[" + id + ", " + provider.slug() + ", key=" + key + ", " + status
            + ", attempts=" + attempts + "]";
    }

    private void finishAttempt(ProcessingStatus next, String reason, TransactionId transaction, Instant at) {
        Objects.requireNonNull(at, "at");
        if (status.isFinal()) {
            throw new IllegalStateException("notification " + id + " is already " + status
                + " and cannot become " + next);
        }
        status = next;
        statusReason = reason;
        transactionId = transaction;
        attempts++;
        lastAttemptAt = toMicros(at);
    }

    private void requireConsistentState() {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative (was " + attempts + ")");
        }
        boolean needsReason = status == ProcessingStatus.IGNORED || status == ProcessingStatus.FAILED;
        if (needsReason && (statusReason == null || statusReason.isBlank())) {
            throw new IllegalArgumentException("a " + status + " notification needs a reason");
        }
        if (!needsReason && statusReason != null) {
            throw new IllegalArgumentException("a " + status + " notification has no reason");
        }
        if (status == ProcessingStatus.RECEIVED && (attempts != 0 || lastAttemptAt != null)) {
            throw new IllegalArgumentException("a RECEIVED notification has had no processing attempt");
        }
        if (redactedAt != null && isAwaitingProcessing()) {
            throw new IllegalArgumentException("a notification awaiting processing keeps its body as received");
        }
        if (verification.isFailed() && status != ProcessingStatus.IGNORED) {
            throw new IllegalArgumentException("a notification that failed verification is never processed (status was "
                + status + ")");
        }
    }

    private static Instant toMicros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static String optionalText(String value, String name, int maxLength) {
        return value == null ? null : Required.text(value, name, maxLength);
    }
}
