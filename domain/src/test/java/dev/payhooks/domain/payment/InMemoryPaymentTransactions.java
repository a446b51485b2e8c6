package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.Conflict;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PaymentTransactions} in a map, for tests of code that uses the port. Keeps snapshots,
 * so like the database it hands out a fresh object per read and refuses stale updates.
 */
public class InMemoryPaymentTransactions implements PaymentTransactions {

    private record Row(String merchantId, TransactionSnapshot snapshot) { }

    private final Map<TransactionId, Row> rows = new LinkedHashMap<>();
    private java.util.function.Predicate<TransactionId> flagged = id -> false;

    /** What tells the {@code needsAttention} filter which transactions are flagged (the reconciliations' store). */
    public synchronized void flaggedBy(java.util.function.Predicate<TransactionId> needsAttention) {
        flagged = needsAttention;
    }

    @Override
    public synchronized void add(String merchantId, PaymentTransaction transaction) {
        if (rows.containsKey(transaction.id())) {
            throw new Conflict("transaction " + transaction.id() + " exists already");
        }
        rows.put(transaction.id(), new Row(merchantId, withVersion(transaction.snapshot(), 0)));
    }

    @Override
    public synchronized void update(PaymentTransaction transaction) {
        Row row = rows.get(transaction.id());
        if (row == null || row.snapshot().version() != transaction.version()) {
            throw new Conflict("transaction " + transaction.id() + " was changed or removed meanwhile");
        }
        rows.put(transaction.id(), new Row(row.merchantId(), withVersion(transaction.snapshot(), transaction.version() + 1)));
    }

    @Override
    public synchronized Optional<PaymentTransaction> byId(String merchantId, TransactionId id) {
        return Optional.ofNullable(rows.get(id)).filter(r -> r.merchantId().equals(merchantId))
            .map(r -> PaymentTransaction.reconstitute(r.snapshot()));
    }

    @Override
    public synchronized Optional<PaymentTransaction> byProviderReference(String merchantId, ProviderId provider,
                                                                          String providerReference) {
        return rows.values().stream()
            .filter(r -> r.merchantId().equals(merchantId) && r.snapshot().provider() == provider)
            .filter(r -> r.snapshot().providerReferences().stream().anyMatch(p -> p.value().equals(providerReference)))
            .findFirst().map(r -> PaymentTransaction.reconstitute(r.snapshot()));
    }

    @Override
    public synchronized Optional<PaymentTransaction> byMerchantReference(String merchantId, ProviderId provider,
                                                                         String merchantReference) {
        return rows.values().stream()
            .filter(r -> r.merchantId().equals(merchantId) && r.snapshot().provider() == provider
                && r.snapshot().merchantReference().equals(merchantReference))
            .max(Comparator.comparing(r -> r.snapshot().createdAt()))
            .map(r -> PaymentTransaction.reconstitute(r.snapshot()));
    }

    /** Filters and pages like the database: newest first (creation time, then id, both descending). */
    @Override
    public synchronized Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        Comparator<PaymentTransaction> newestFirst = Comparator.comparing(PaymentTransaction::createdAt)
            .thenComparing(t -> t.id().value()).reversed();
        List<PaymentTransaction> matching = rows.values().stream()
            .filter(r -> r.merchantId().equals(merchantId))
            .map(r -> PaymentTransaction.reconstitute(r.snapshot()))
            .filter(t -> filter.channelSlug().map(t.channelSlug()::equals).orElse(true))
            .filter(t -> filter.provider().map(p -> p == t.provider()).orElse(true))
            .filter(t -> filter.status().map(s -> s == t.status()).orElse(true))
            .filter(t -> filter.from().map(from -> !t.createdAt().isBefore(from)).orElse(true))
            .filter(t -> filter.to().map(to -> t.createdAt().isBefore(to)).orElse(true))
            .filter(t -> !filter.needsAttention() || flagged.test(t.id()))
            .filter(t -> after.map(c -> t.createdAt().isBefore(c.createdAt())
                || t.createdAt().equals(c.createdAt()) && t.id().value().compareTo(c.id()) < 0).orElse(true))
            .sorted(newestFirst)
            .limit(limit + 1L)
            .toList();
        List<PaymentTransaction> items = matching.size() > limit ? matching.subList(0, limit) : matching;
        Optional<Cursor> next = matching.size() > limit
            ? Optional.of(new Cursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id().value()))
            : Optional.empty();
        return new Page(items, next);
    }

    @Override
    public synchronized List<DailyCount> dailyCounts(String merchantId, Instant from, Instant to) {
        return rows.values().stream()
            .filter(r -> r.merchantId().equals(merchantId))
            .map(r -> PaymentTransaction.reconstitute(r.snapshot()))
            .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to))
            .map(DailyCount::of)
            .collect(java.util.stream.Collectors.toMap(DailyCount::day, c -> c, DailyCount::plus, java.util.TreeMap::new))
            .values().stream().toList();
    }

    public synchronized int size() {
        return rows.size();
    }

    /** Every stored transaction, oldest first; for assertions. */
    public synchronized List<PaymentTransaction> all() {
        return rows.values().stream().map(r -> PaymentTransaction.reconstitute(r.snapshot())).toList();
    }

    /** Every stored transaction with its merchant, oldest first. */
    public synchronized Map<PaymentTransaction, String> withMerchants() {
        Map<PaymentTransaction, String> all = new LinkedHashMap<>();
        rows.values().forEach(r -> all.put(PaymentTransaction.reconstitute(r.snapshot()), r.merchantId()));
        return all;
    }

    private static TransactionSnapshot withVersion(TransactionSnapshot s, long version) {
        return new TransactionSnapshot(s.id(), s.channelSlug(), s.provider(), s.merchantReference(), s.currency(),
            s.status(), s.amounts(), s.providerReferences(), s.events(), s.createdAt(), s.updatedAt(), version, s.details());
    }
}
