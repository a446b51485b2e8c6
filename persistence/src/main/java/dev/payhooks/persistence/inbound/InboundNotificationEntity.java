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

    @Id String id;

    /** {@link dev.payhooks.domain.payment.ProviderId#slug()}. */
    @Column(nullable = false, updatable = false) String provider;
    @Column(nullable = false, updatable = false) String dedupKey;

    /**
     * The dedup key's scope: the merchant and channel that received it, '' when absent. Unlike
     * {@link #merchantId} it stays when the merchant is deleted, so it never turns NULL.
     */
    @Column(nullable = false, updatable = false) String dedupMerchantId;
    @Column(nullable = false, updatable = false) String dedupChannelSlug;
    @Column(updatable = false) String merchantId;
    @Column(updatable = false) String channelSlug;
    @Column(nullable = false, updatable = false) byte[] rawBody;

    /** A JSON object of lower-case header name to value ({@link HeadersJson}). */
    @Column(nullable = false, updatable = false) String headers;
    @Column(nullable = false, updatable = false) Instant receivedAt;

    /** {@link dev.payhooks.domain.inbound.VerificationResult.Outcome} name. */
    @Column(nullable = false, updatable = false) String verification;
    @Column(updatable = false) String verificationFailure;

    /** {@link dev.payhooks.domain.inbound.ProcessingStatus} name. */
    @Column(nullable = false) String status;
    String statusReason;
    int attempts;
    Instant lastAttemptAt;

    /** {@link dev.payhooks.domain.payment.TransactionId} the last attempt concerned. */
    String transactionId;

    /** When retention redacted the body (written by {@code JpaExpiredRecords} only). */
    @Column(insertable = false, updatable = false) Instant redactedAt;

    /** {@link dev.payhooks.domain.trace.CorrelationId} of the request that stored it. */
    @Column(updatable = false) String correlationId;

    /** {@link dev.payhooks.domain.inbound.ApplyLanes lane} it is applied in, set when it is stored. */
    @Column(nullable = false, updatable = false) short applyLane;
    @Version long version;
}
