package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.trace.CorrelationId;

final class InboundNotificationMapper {

    private InboundNotificationMapper() {
    }

    static InboundNotification toDomain(InboundNotificationEntity entity) {
        return InboundNotification.reconstitute(entity.id, ProviderId.fromSlug(entity.provider),
            new NotificationKey(entity.dedupKey), entity.merchantId, entity.channelSlug, entity.rawBody,
            NotificationHeaders.of(HeadersJson.read(entity.headers)), entity.receivedAt,
            new VerificationResult(VerificationResult.Outcome.valueOf(entity.verification), entity.verificationFailure),
            ProcessingStatus.valueOf(entity.status), entity.statusReason, entity.attempts, entity.lastAttemptAt,
            entity.transactionId == null ? null : TransactionId.of(entity.transactionId), entity.redactedAt,
            entity.correlationId == null ? null : new CorrelationId(entity.correlationId), entity.applyLane, entity.version);
    }

    static InboundNotificationEntity toNewEntity(InboundNotification notification) {
        InboundNotificationEntity entity = new InboundNotificationEntity();
        entity.id = notification.id();
        entity.provider = notification.provider().slug();
        entity.dedupKey = notification.key().value();
        entity.merchantId = notification.merchantId().orElse(null);
        entity.channelSlug = notification.channelSlug().orElse(null);
        entity.dedupMerchantId = notification.merchantId().orElse("");
        entity.dedupChannelSlug = notification.channelSlug().orElse("");
        entity.rawBody = notification.rawBody();
        entity.headers = HeadersJson.write(notification.headers().asMap());
        entity.receivedAt = notification.receivedAt();
        entity.verification = notification.verification().outcome().name();
        entity.verificationFailure = notification.verification().reason().orElse(null);
        entity.correlationId = notification.correlationId().map(CorrelationId::value).orElse(null);
        entity.applyLane = (short) notification.lane();
        entity.version = notification.version();
        copyMutableState(notification, entity);
        return entity;
    }

    static void copyMutableState(InboundNotification notification, InboundNotificationEntity entity) {
        entity.status = notification.status().name();
        entity.statusReason = notification.statusReason().orElse(null);
        entity.attempts = notification.attempts();
        entity.lastAttemptAt = notification.lastAttemptAt().orElse(null);
        entity.transactionId = notification.transactionId().map(TransactionId::value).orElse(null);
    }
}
