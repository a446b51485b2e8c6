package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Fulfillments} in a map, for tests of code that uses the port. Keeps snapshots, so like
 * the database it hands out a fresh object per read and refuses stale updates.
 */
public class InMemoryFulfillments implements Fulfillments {

    private static final Comparator<FulfillmentSnapshot> FIRST_RECORDED_FIRST =
        Comparator.comparing(FulfillmentSnapshot::createdAt)
            .thenComparing(s -> s.transactionId().value())
            .thenComparing(s -> s.id().value());

    private record Key(TransactionId transactionId, FulfillmentId id) { }

    private final Map<Key, FulfillmentSnapshot> byKey = new LinkedHashMap<>();

    @Override
    public synchronized void add(Fulfillment fulfillment) {
        Key key = new Key(fulfillment.transactionId(), fulfillment.id());
        if (byKey.containsKey(key)) {
            throw new Conflict("fulfillment " + fulfillment.id() + " of transaction " + fulfillment.transactionId()
                + " exists already");
        }
        byKey.put(key, fulfillment.snapshot());
    }

    @Override
    public synchronized void update(Fulfillment fulfillment) {
        Key key = new Key(fulfillment.transactionId(), fulfillment.id());
        FulfillmentSnapshot stored = byKey.get(key);
        if (stored == null || stored.version() != fulfillment.version()) {
            throw new Conflict("fulfillment " + fulfillment.id() + " was changed or removed meanwhile");
        }
        FulfillmentSnapshot s = fulfillment.snapshot();
        byKey.put(key, new FulfillmentSnapshot(s.id(), s.transactionId(), s.trackingNumber(), s.carrierCode(),
            s.status(), s.message(), s.reportAttempts(), s.lastAttemptAt(), s.createdAt(), s.updatedAt(),
            s.version() + 1));
    }

    @Override
    public synchronized Optional<Fulfillment> byId(TransactionId transactionId, FulfillmentId id) {
        return Optional.ofNullable(byKey.get(new Key(transactionId, id))).map(Fulfillment::reconstitute);
    }

    @Override
    public synchronized List<Fulfillment> ofTransaction(TransactionId transactionId) {
        return byKey.values().stream()
            .filter(s -> s.transactionId().equals(transactionId))
            .sorted(FIRST_RECORDED_FIRST)
            .map(Fulfillment::reconstitute)
            .toList();
    }

    @Override
    public synchronized List<Fulfillment> awaitingReport(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return byKey.values().stream()
            .filter(s -> s.status() != ShipmentReportStatus.REPORTED)
            .sorted(FIRST_RECORDED_FIRST)
            .limit(limit)
            .map(Fulfillment::reconstitute)
            .toList();
    }
}
