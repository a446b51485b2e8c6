package dev.payhooks.domain.outbound;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * An event for a merchant's webhooks, as written to the outbox in the same transaction as the
 * state change that caused it. Immutable: how its deliveries go is recorded elsewhere.
 *
 * <p>The payload is the JSON document to send, kept as text: the domain does not parse JSON.
 * The creation time is kept to the microsecond, the precision both databases store, because
 * the outbox is read in (created time, event id) order and a position taken from an event in
 * memory must compare equal to the stored row.
 */
public final class OutboundEvent {

    public static final int MAX_MERCHANT_ID_LENGTH = 36;
    public static final int MAX_EVENT_TYPE_LENGTH = 100;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    public static final int MAX_SOURCE_LENGTH = 200;

    private final EventId id;
    private final String merchantId;
    private final String eventType;
    private final String payloadJson;
    private final Instant createdAt;
    private final String idempotencyKey;
    private final String source;
    private final CorrelationId correlationId;

    private OutboundEvent(EventId id, String merchantId, String eventType, String payloadJson, Instant createdAt,
                          String idempotencyKey, String source, CorrelationId correlationId) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Required.text(merchantId, "merchantId", MAX_MERCHANT_ID_LENGTH);
        this.eventType = Required.text(eventType, "eventType", MAX_EVENT_TYPE_LENGTH);
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new IllegalArgumentException("payload must not be blank");
        }
        this.payloadJson = payloadJson;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        this.idempotencyKey = idempotencyKey == null ? null
            : Required.text(idempotencyKey, "idempotencyKey", MAX_IDEMPOTENCY_KEY_LENGTH);
        this.source = source == null ? null : Required.text(source, "source", MAX_SOURCE_LENGTH);
        this.correlationId = correlationId;
    }

    /**
     * A new event. The idempotency key (from the publish API's {@code Idempotency-Key}) is
     * unique per merchant; the source names what caused the event, e.g. {@code transaction:<id>}.
     * It records the correlation id of the work that published it ({@link Correlation#current()}):
     * the request, or the stored notification the inbox worker applies.
     */
    public static OutboundEvent create(EventId id, String merchantId, String eventType, String payloadJson,
                                       Instant createdAt, String idempotencyKey, String source) {
        return new OutboundEvent(id, merchantId, eventType, payloadJson, createdAt, idempotencyKey, source,
            Correlation.current().orElse(null));
    }

    /** Rebuilds a stored event; for repositories only. */
    public static OutboundEvent reconstitute(EventId id, String merchantId, String eventType, String payloadJson,
                                             Instant createdAt, String idempotencyKey, String source,
                                             CorrelationId correlationId) {
        return new OutboundEvent(id, merchantId, eventType, payloadJson, createdAt, idempotencyKey, source, correlationId);
    }

    /** Where this event sits in the outbox order; reading {@code after} it continues with the next one. */
    public OutboxPosition position() {
        return new OutboxPosition(createdAt, id);
    }

    public EventId id() { return id; }
    public String merchantId() { return merchantId; }
    public String eventType() { return eventType; }
    public String payloadJson() { return payloadJson; }
    public Instant createdAt() { return createdAt; }
    public Optional<String> idempotencyKey() { return Optional.ofNullable(idempotencyKey); }
    public Optional<String> source() { return Optional.ofNullable(source); }
    /**
     * The correlation id of the work that published it, sent with every delivery attempt (replays
     * included) as {@code Payhooks-Correlation-Id}; absent for an event published outside any.
     */
    public Optional<CorrelationId> correlationId() { return Optional.ofNullable(correlationId); }

    @Override
    public String toString() {
        // not the payload: it may carry customer data
        return "OutboundEvent[" + id + ", " + eventType + ", merchant=" + merchantId + ", " + createdAt + "]";
    }
}
