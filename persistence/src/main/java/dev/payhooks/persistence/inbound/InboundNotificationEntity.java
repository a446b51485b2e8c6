package dev.payhooks.persistence.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A stored provider notification. Rows are inserted by {@link JpaInboundNotifications#store}
 * in plain SQL (see there why); Hibernate reads them and updates the processing outcome. What
 * arrived is never updated, so a status change does not rewrite a megabyte of body.
 */
@Entity
@Table(name = "inbound_notification",
    uniqueConstraints = @UniqueConstraint(name = "uq_inbound_notification_scoped_key",
        columnNames = {"provider", "dedup_merchant_id", "dedup_channel_slug", "dedup_key"}))
public class InboundNotificationEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    /** {@link dev.payhooks.domain.payment.ProviderId#slug()}. */
    @Column(name = "provider", length = 32, nullable = false, updatable = false)
    String provider;

    @Column(name = "dedup_key", length = 200, nullable = false, updatable = false)
    String dedupKey;

    /**
     * The dedup key's scope: the merchant and channel that received it, '' when absent. Unlike
     * {@link #merchantId} it stays when the merchant is deleted, so it never turns NULL.
     */
    @Column(name = "dedup_merchant_id", length = 36, nullable = false, updatable = false)
    String dedupMerchantId;

    @Column(name = "dedup_channel_slug", length = 100, nullable = false, updatable = false)
    String dedupChannelSlug;

    @Column(name = "merchant_id", length = 36, updatable = false)
    String merchantId;

    @Column(name = "channel_slug", length = 100, updatable = false)
    String channelSlug;

    @Column(name = "raw_body", nullable = false, updatable = false)
    byte[] rawBody;

    /** A JSON object of lower-case header name to value ({@link HeadersJson}). */
    @Column(name = "headers", nullable = false, updatable = false)
    String headers;

    @Column(name = "received_at", nullable = false, updatable = false)
    Instant receivedAt;

    /** {@link dev.payhooks.domain.inbound.VerificationResult.Outcome} name. */
    @Column(name = "verification", length = 16, nullable = false, updatable = false)
    String verification;

    @Column(name = "verification_failure", length = 500, updatable = false)
    String verificationFailure;

    /** {@link dev.payhooks.domain.inbound.ProcessingStatus} name. */
    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "status_reason", length = 1000)
    String statusReason;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;

    /** {@link dev.payhooks.domain.payment.TransactionId} the last attempt concerned. */
    @Column(name = "transaction_id", length = 64)
    String transactionId;

    /** When retention redacted the body (written by {@code JpaExpiredRecords} only). */
    @Column(name = "redacted_at", insertable = false, updatable = false)
    Instant redactedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected InboundNotificationEntity() {
        // for JPA
    }
}
