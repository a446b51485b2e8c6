package dev.payhooks.domain.saleor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Test double of {@link TransactionReports} (reports are stored by reference; claims move the due time). */
public class InMemoryTransactionReports implements TransactionReports {

    private final List<TransactionReport> reports = new ArrayList<>();
    private final Map<String, Instant> heldUntil = new HashMap<>();

    @Override
    public synchronized void add(TransactionReport report) {
        reports.add(report);
    }

    @Override
    public synchronized void update(TransactionReport report) {
        heldUntil.remove(report.id());
    }

    @Override
    public synchronized List<TransactionReport> claimDue(int limit, Instant now, Duration lease) {
        return claim(r -> r.status() == TransactionReport.Status.PENDING, limit, now, lease);
    }

    @Override
    public synchronized List<TransactionReport> claimUndelivered(int limit, Instant now, Duration lease) {
        return claim(TransactionReport::redeliverable, limit, now, lease);
    }

    private List<TransactionReport> claim(Predicate<TransactionReport> claimable, int limit, Instant now, Duration lease) {
        List<TransactionReport> due = reports.stream()
            .filter(claimable)
            .filter(r -> !r.dueAt().isAfter(now))
            .filter(r -> !heldUntil.containsKey(r.id()) || !heldUntil.get(r.id()).isAfter(now))
            .sorted(Comparator.comparing(TransactionReport::createdAt))
            .limit(limit).toList();
        due.forEach(r -> heldUntil.put(r.id(), now.plus(lease)));
        return due;
    }

    @Override
    public synchronized List<TransactionReport> ofSaleorTransaction(String saleorTransactionId) {
        return reports.stream().filter(r -> r.saleorTransactionId().equals(saleorTransactionId)).toList();
    }

    public synchronized List<TransactionReport> all() {
        return List.copyOf(reports);
    }
}
