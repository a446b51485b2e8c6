package dev.payhooks.domain.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InboundNotifications} in a map, for tests of code that uses the port, and the
 * {@link NotificationIntake} that stores into the same map. Keeps copies, so like the database it
 * hands out a fresh object per read and refuses stale updates.
 */
public class InMemoryInboundNotifications implements InboundNotifications, NotificationIntake {

    private final Map<String, InboundNotification> byId = new LinkedHashMap<>();
    private int settled;

    /** Nothing is kept between calls here; counts the calls, so a test sees where a caller settles. */
    @Override
    public synchronized void settle() {
        settled++;
    }

    public synchronized int settled() {
        return settled;
    }

    @Override
    public synchronized StoreResult store(InboundNotification notification) {
        Optional<InboundNotification> existing = byId.values().stream()
            .filter(n -> n.provider() == notification.provider() && n.key().equals(notification.key())
                && n.merchantId().equals(notification.merchantId()) && n.channelSlug().equals(notification.channelSlug()))
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

    /** All or nothing: when one of them cannot be stored, none of this call's is kept. */
    @Override
    public synchronized List<StoreResult> storeAll(List<InboundNotification> notifications) {
        List<StoreResult> results = new ArrayList<>();
        try {
            for (InboundNotification notification : notifications) {
                results.add(store(notification));
            }
        } catch (RuntimeException failure) {
            results.stream().filter(result -> !result.isDuplicate()).forEach(result -> byId.remove(result.notificationId()));
            throw failure;
        }
        return results;
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
    public synchronized List<InboundNotification> lockAllIfAwaiting(List<String> ids) {
        return ids.stream().distinct().map(this::lockIfAwaiting).flatMap(Optional::stream)
            .sorted(Comparator.comparing(InboundNotification::receivedAt).thenComparing(InboundNotification::id))
            .toList();
    }

    @Override
    public synchronized List<String> dueForProcessing(Instant receivedBefore, Instant failedBefore, Collection<Integer> lanes,
                                                      int limit) {
        return byId.values().stream()
            .filter(InboundNotification::isAwaitingProcessing)
            .filter(n -> lanes.contains(n.lane()))
            .filter(n -> n.status() == ProcessingStatus.RECEIVED ? n.receivedAt().isBefore(receivedBefore)
                : n.lastAttemptAt().map(at -> at.isBefore(failedBefore)).orElse(true))
            .sorted(Comparator.comparing(InboundNotification::receivedAt).thenComparing(InboundNotification::id))
            .limit(limit)
            .map(InboundNotification::id)
            .toList();
    }

    @Override
    public synchronized Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        Comparator<InboundNotification> newestFirst = Comparator.comparing(InboundNotification::receivedAt)
            .thenComparing(InboundNotification::id).reversed();
        List<InboundNotification> matching = byId.values().stream()
            .filter(n -> n.merchantId().map(merchantId::equals).orElse(false))
            .filter(filter::matches)
            .filter(n -> after.map(c -> n.receivedAt().isBefore(c.receivedAt())
                || n.receivedAt().equals(c.receivedAt()) && n.id().compareTo(c.id()) < 0).orElse(true))
            .sorted(newestFirst)
            .limit(limit + 1L)
            .map(n -> copy(n, n.version()))
            .toList();
        List<InboundNotification> page = matching.stream().limit(limit).toList();
        Optional<Cursor> next = matching.size() > limit
            ? Optional.of(new Cursor(page.get(page.size() - 1).receivedAt(), page.get(page.size() - 1).id()))
            : Optional.empty();
        return new Page(page, next);
    }

    /** Every stored notification, in the order stored; for assertions. */
    public synchronized List<InboundNotification> all() {
        return byId.values().stream().map(n -> copy(n, n.version())).toList();
    }

    private static InboundNotification copy(InboundNotification n, long version) {
        return InboundNotification.reconstitute(n.id(), n.provider(), n.key(), n.merchantId().orElse(null),
            n.channelSlug().orElse(null), n.rawBody(), n.headers(), n.receivedAt(), n.verification(), n.status(),
            n.statusReason().orElse(null), n.attempts(), n.lastAttemptAt().orElse(null), n.transactionId().orElse(null),
            n.redactedAt().orElse(null), n.correlationId().orElse(null), n.lane(), version);
    }
}
