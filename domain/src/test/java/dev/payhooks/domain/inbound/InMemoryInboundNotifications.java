package dev.payhooks.domain.inbound;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InboundNotifications} in a map, for tests of code that uses the port. Keeps copies, so
 * like the database it hands out a fresh object per read and refuses stale updates.
 */
public class InMemoryInboundNotifications implements InboundNotifications {

    private final Map<String, InboundNotification> byId = new LinkedHashMap<>();

    @Override
    public synchronized StoreResult store(InboundNotification notification) {
        Optional<InboundNotification> existing = byId.values().stream()
            .filter(n -> n.provider() == notification.provider() && n.key().equals(notification.key()))
            .findFirst();
        if (existing.isPresent()) {
            return StoreResult.duplicateOf(existing.get().id());
        }
        if (byId.containsKey(notification.id())) {
            throw new IllegalStateException("notification id taken: " + notification.id());
        }
        byId.put(notification.id(), copy(notification, notification.version()));
        return StoreResult.stored(notification.id());
    }

    @Override
    public synchronized Optional<InboundNotification> byId(String id) {
        return Optional.ofNullable(byId.get(id)).map(n -> copy(n, n.version()));
    }

    @Override
    public synchronized void update(InboundNotification notification) {
        InboundNotification stored = byId.get(notification.id());
        if (stored == null || stored.version() != notification.version()) {
            throw new IllegalStateException("notification " + notification.id() + " was changed or removed meanwhile");
        }
        byId.put(notification.id(), copy(notification, notification.version() + 1));
    }

    @Override
    public synchronized List<InboundNotification> awaitingProcessing(int limit) {
        return byId.values().stream()
            .filter(InboundNotification::isAwaitingProcessing)
            .sorted(Comparator.comparing(InboundNotification::receivedAt).thenComparing(InboundNotification::id))
            .limit(limit)
            .map(n -> copy(n, n.version()))
            .toList();
    }

    @Override
    public synchronized Optional<InboundNotification> lockIfAwaiting(String id) {
        return Optional.ofNullable(byId.get(id)).filter(InboundNotification::isAwaitingProcessing)
            .map(n -> copy(n, n.version()));
    }

    @Override
    public synchronized List<String> dueForProcessing(Instant receivedBefore, Instant failedBefore, int limit) {
        return byId.values().stream()
            .filter(InboundNotification::isAwaitingProcessing)
            .filter(n -> n.status() == ProcessingStatus.RECEIVED ? n.receivedAt().isBefore(receivedBefore)
                : n.lastAttemptAt().map(at -> at.isBefore(failedBefore)).orElse(true))
            .sorted(Comparator.comparing(InboundNotification::receivedAt).thenComparing(InboundNotification::id))
            .limit(limit)
            .map(InboundNotification::id)
            .toList();
    }

    /** Every stored notification, in the order stored; for assertions. */
    public synchronized List<InboundNotification> all() {
        return byId.values().stream().map(n -> copy(n, n.version())).toList();
    }

    private static InboundNotification copy(InboundNotification n, long version) {
        return InboundNotification.reconstitute(n.id(), n.provider(), n.key(), n.merchantId().orElse(null),
            n.channelSlug().orElse(null), n.rawBody(), n.headers(), n.receivedAt(), n.verification(), n.status(),
            n.statusReason().orElse(null), n.attempts(), n.lastAttemptAt().orElse(null), version);
    }
}
