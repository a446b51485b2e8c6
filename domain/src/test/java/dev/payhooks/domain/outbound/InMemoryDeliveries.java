package dev.payhooks.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Deliveries} in a map, for tests of code that uses the port; claims are not modelled. */
public class InMemoryDeliveries implements Deliveries {

    private final Map<String, Delivery> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Delivery delivery) {
        boolean duplicate = byId.values().stream().anyMatch(d -> d.eventId().equals(delivery.eventId())
            && d.subscriptionId().equals(delivery.subscriptionId()));
        if (duplicate || byId.putIfAbsent(delivery.id(), delivery) != null) {
            throw new IllegalStateException("delivery exists: " + delivery.id());
        }
    }

    @Override
    public synchronized void update(Delivery delivery) {
        byId.put(delivery.id(), delivery);
    }

    @Override
    public synchronized void release(String id, Instant notBefore) {
        // claims are not modelled here
    }

    @Override
    public synchronized Optional<Delivery> byId(String merchantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(d -> d.merchantId().equals(merchantId));
    }

    @Override
    public synchronized List<Delivery> ofEvent(EventId eventId) {
        return byId.values().stream().filter(d -> d.eventId().equals(eventId)).toList();
    }

    @Override
    public synchronized long count(DeliveryStatus status) {
        return byId.values().stream().filter(d -> d.status() == status).count();
    }

    @Override
    public synchronized Optional<Instant> failingSince(String subscriptionId) {
        List<DeliveryAttempt> attempts = byId.values().stream().filter(d -> d.subscriptionId().equals(subscriptionId))
            .flatMap(d -> d.attempts().stream()).toList();
        Optional<Instant> lastSuccess = attempts.stream().filter(DeliveryAttempt::success).map(DeliveryAttempt::startedAt)
            .max(Comparator.naturalOrder());
        return attempts.stream().filter(a -> !a.success())
            .map(DeliveryAttempt::startedAt)
            .filter(at -> lastSuccess.map(at::isAfter).orElse(true))
            .min(Comparator.naturalOrder());
    }

    // no leases and no FIFO rule here: those live in the database query (JpaDeliveriesTest covers them)
    @Override
    public synchronized List<Delivery> claimDue(Instant now, int limit, String worker, Duration lease, Set<String> skipSubscriptions) {
        return new ArrayList<>(byId.values().stream().filter(d -> d.dueAt(now))
            .filter(d -> !skipSubscriptions.contains(d.subscriptionId()))
            .sorted(Comparator.comparing(d -> d.nextAttemptAt().orElseThrow())).limit(limit).toList());
    }

    public synchronized List<Delivery> all() {
        return new ArrayList<>(byId.values());
    }
}
