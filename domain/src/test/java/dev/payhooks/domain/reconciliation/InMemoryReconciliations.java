package dev.payhooks.domain.reconciliation;

import dev.payhooks.domain.error.Conflict;
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
import java.util.function.Consumer;

/**
 * {@link Reconciliations} in a map over an {@link InMemoryPaymentTransactions}, for tests: starts
 * reconciliations as the database query does and tells the transactions' needs-attention filter
 * which are flagged. Hands out copies, like the database, and refuses a change made from an older
 * version, as the database does.
 */
public class InMemoryReconciliations implements Reconciliations {

    private final InMemoryPaymentTransactions transactions;
    private final Map<TransactionId, Reconciliation> rows = new LinkedHashMap<>();
    private final Map<TransactionId, Consumer<Reconciliation>> beforeNextUpdate = new LinkedHashMap<>();

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
                rows.put(t.id(), next(reopened, reopened.nextCheckAt()));
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
            Reconciliation claimed = next(r, until);
            rows.put(r.transactionId(), claimed);
            return copy(claimed);
        }).toList();
    }

    @Override
    public synchronized void add(Reconciliation reconciliation) {
        if (rows.containsKey(reconciliation.transactionId())) {
            throw new Conflict("reconciliation of " + reconciliation.transactionId() + " exists already");
        }
        rows.put(reconciliation.transactionId(), copy(reconciliation));
    }

    @Override
    public synchronized void update(Reconciliation reconciliation) {
        Consumer<Reconciliation> other = beforeNextUpdate.remove(reconciliation.transactionId());
        if (other != null) {
            changeMeanwhile(reconciliation.transactionId(), other);
        }
        Reconciliation stored = rows.get(reconciliation.transactionId());
        if (stored == null || stored.version() != reconciliation.version()) {
            throw new Conflict("reconciliation of " + reconciliation.transactionId() + " was changed or removed meanwhile");
        }
        rows.put(reconciliation.transactionId(), next(reconciliation, reconciliation.nextCheckAt()));
    }

    /**
     * Another writer's change of the stored reconciliation, committed just before the next update of
     * it, whoever makes that update (which is then refused, its writer having read the older
     * version); for tests of lost races.
     */
    public synchronized void beforeNextUpdate(TransactionId transactionId, Consumer<Reconciliation> change) {
        beforeNextUpdate.put(transactionId, change);
    }

    /** Another writer's change of the stored reconciliation, committed now. */
    public synchronized void changeMeanwhile(TransactionId transactionId, Consumer<Reconciliation> change) {
        Reconciliation changed = copy(rows.get(transactionId));
        change.accept(changed);
        rows.put(transactionId, next(changed, changed.nextCheckAt()));
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
        return stored(r, r.nextCheckAt(), r.version());
    }

    /** {@code r} as stored by a change: due at {@code next}, at the following version. */
    private static Reconciliation next(Reconciliation r, Instant next) {
        return stored(r, next, r.version() + 1);
    }

    private static Reconciliation stored(Reconciliation r, Instant next, long version) {
        return new Reconciliation(r.transactionId(), r.merchantId(), r.state(), r.attempts(), next,
            r.lastCheckedAt().orElse(null), r.lastResult().orElse(null), r.reason().orElse(null),
            r.resolvedBy().orElse(null), r.openedAt(), r.updatedAt(), version);
    }
}
