package dev.payhooks.domain.outbound;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Outbox} in a map, for tests of code that uses the port. */
public class InMemoryOutbox implements Outbox {

    private static final Comparator<OutboxPosition> ORDER =
        Comparator.comparing(OutboxPosition::createdAt).thenComparing(p -> p.eventId().value());

    private final Map<EventId, OutboundEvent> byId = new LinkedHashMap<>();

    @Override
    public synchronized void append(OutboundEvent event) {
        if (byId.containsKey(event.id())) {
            throw new IllegalStateException("event id taken: " + event.id());
        }
        event.idempotencyKey().ifPresent(key -> byIdempotencyKey(event.merchantId(), key).ifPresent(existing -> {
            throw new IllegalStateException("idempotency key " + key + " already used by event " + existing.id());
        }));
        byId.put(event.id(), event);
    }

    @Override
    public synchronized Optional<OutboundEvent> byId(EventId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<OutboundEvent> byIdempotencyKey(String merchantId, String idempotencyKey) {
        return byId.values().stream()
            .filter(e -> e.merchantId().equals(merchantId) && e.idempotencyKey().filter(idempotencyKey::equals).isPresent())
            .findFirst();
    }

    @Override
    public synchronized void releaseIdempotencyKey(String merchantId, String idempotencyKey) {
        byIdempotencyKey(merchantId, idempotencyKey).ifPresent(e -> byId.put(e.id(), OutboundEvent.reconstitute(e.id(),
            e.merchantId(), e.eventType(), e.payloadJson(), e.createdAt(), null, e.source().orElse(null),
            e.correlationId().orElse(null))));
    }

    @Override
    public synchronized List<OutboundEvent> after(OutboxPosition position, int limit) {
        return byId.values().stream()
            .filter(e -> ORDER.compare(e.position(), position) > 0)
            .sorted(Comparator.comparing(OutboundEvent::position, ORDER))
            .limit(limit)
            .toList();
    }
}
