package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.trace.CorrelationId;

final class OutboundEventMapper {

    private OutboundEventMapper() {
    }

    static OutboundEvent toDomain(OutboundEventEntity entity) {
        return OutboundEvent.reconstitute(new EventId(entity.eventId), entity.merchantId, entity.eventType,
            entity.payload, entity.createdAt, entity.idempotencyKey, entity.source,
            entity.correlationId == null ? null : new CorrelationId(entity.correlationId));
    }

    static OutboundEventEntity toEntity(OutboundEvent event) {
        OutboundEventEntity entity = new OutboundEventEntity();
        entity.eventId = event.id().value();
        entity.merchantId = event.merchantId();
        entity.eventType = event.eventType();
        entity.payload = event.payloadJson();
        entity.createdAt = event.createdAt();
        entity.idempotencyKey = event.idempotencyKey().orElse(null);
        entity.source = event.source().orElse(null);
        entity.correlationId = event.correlationId().map(CorrelationId::value).orElse(null);
        return entity;
    }
}
