package dev.payhooks.domain.reconciliation;

import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.TransactionId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Reconciliations} in a map over an {@link InMemoryPaymentTransactions}, for tests: starts
 * reconciliations as the database query does and tells the transactions' needs-attention filter
 * which are flagged. Hands out copies, like the database.
 */
public class InMemoryReconciliations implements Reconciliations {

    private final InMemoryPaymentTransactions transactions;
    private final Map<TransactionId, Reconciliation> rows = new LinkedHashMap<>();

    public InMemoryReconciliations(InMemoryPaymentTransactions transactions) {
        this.transactions = transactions;
        transactions.flaggedBy(id -> {
            synchronized (this) {
                return rows.containsKey(id) && rows.get(id).needsAttention();
            }
        });
    }

    @Override
    public synchronized int start(Instant unchangedSince, Instant at, int limit) {
        int started = 0;
        for (Map.Entry<PaymentTransaction, String> entry : transactions.withMerchants().entrySet()) {
            PaymentTransaction t = entry.getKey();
            if (started >= limit || !Reconciliation.open(t) || t.updatedAt().isAfter(unchangedSince)) {
                continue;
            }
            Reconciliation existing = rows.get(t.id());
            if (existing == null) {
                rows.put(t.id(), Reconciliation.start(entry.getValue(), t.id(), at));
                started++;
            } else if (existing.state().closed() && existing.updatedAt().isBefore(t.updatedAt())) {
                Reconciliation reopened = copy(existing);
                reopened.reopen(at);
                rows.put(t.id(), reopened);
                started++;
            }
        }
        return started;
    }

    @Override
    public synchronized List<Reconciliation> claimDue(Instant now, Duration lease, int limit) {
        List<Reconciliation> due = rows.values().stream()
            .filter(r -> r.state() == Reconciliation.State.CHECKING && !r.nextCheckAt().isAfter(now))
            .sorted(Comparator.comparing(Reconciliation::nextCheckAt))
            .limit(limit)
            .toList();
        Instant until = now.plus(lease);
        return due.stream().map(r -> {
            Reconciliation claimed = withNextCheck(r, until);
            rows.put(r.transactionId(), claimed);
            return copy(claimed);
        }).toList();
    }

    @Override
    public synchronized void add(Reconciliation reconciliation) {
        if (rows.containsKey(reconciliation.transactionId())) {
            throw new IllegalStateException("reconciliation of " + reconciliation.transactionId() + " exists");
        }
        rows.put(reconciliation.transactionId(), copy(reconciliation));
    }

    @Override
    public synchronized void update(Reconciliation reconciliation) {
        if (!rows.containsKey(reconciliation.transactionId())) {
            throw new IllegalStateException("reconciliation of " + reconciliation.transactionId() + " is not stored");
        }
        rows.put(reconciliation.transactionId(), copy(reconciliation));
    }

    @Override
    public synchronized Optional<Reconciliation> of(String merchantId, TransactionId transactionId) {
        return Optional.ofNullable(rows.get(transactionId)).filter(r -> r.merchantId().equals(merchantId)).map(
            InMemoryReconciliations::copy);
    }

    @Override
    public synchronized long needingAttention(String merchantId) {
        return rows.values().stream().filter(r -> r.merchantId().equals(merchantId) && r.needsAttention()).count();
    }

    /** Every stored reconciliation; for assertions. */
    public synchronized List<Reconciliation> all() {
        return rows.values().stream().map(InMemoryReconciliations::copy).toList();
    }

    private static Reconciliation copy(Reconciliation r) {
        return withNextCheck(r, r.nextCheckAt());
    }

    private static Reconciliation withNextCheck(Reconciliation r, Instant next) {
        return new Reconciliation(r.transactionId(), r.merchantId(), r.state(), r.attempts(), next,
            r.lastCheckedAt().orElse(null), r.lastResult().orElse(null), r.reason().orElse(null),
            r.resolvedBy().orElse(null), r.openedAt(), r.updatedAt());
    }
}
