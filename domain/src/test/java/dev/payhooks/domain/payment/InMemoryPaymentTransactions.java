package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.Conflict;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double of {@link PaymentTransactions}: stores snapshots, versions like the database does. */
public class InMemoryPaymentTransactions implements PaymentTransactions {

    private record Row(String merchantId, TransactionSnapshot snapshot) { }

    private final Map<TransactionId, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized void add(String merchantId, PaymentTransaction transaction) {
        if (rows.containsKey(transaction.id())) {
            throw new Conflict("transaction " + transaction.id() + " exists");
        }
        rows.put(transaction.id(), new Row(merchantId, transaction.snapshot()));
    }

    @Override
    public synchronized void update(PaymentTransaction transaction) {
        Row row = rows.get(transaction.id());
        if (row == null || row.snapshot().version() != transaction.version()) {
            throw new Conflict("transaction " + transaction.id() + " was changed meanwhile");
        }
        TransactionSnapshot s = transaction.snapshot();
        rows.put(transaction.id(), new Row(row.merchantId(), new TransactionSnapshot(s.id(), s.channelSlug(), s.provider(),
            s.merchantReference(), s.currency(), s.status(), s.amounts(), s.providerReferences(), s.events(),
            s.createdAt(), s.updatedAt(), s.version() + 1)));
    }

    @Override
    public synchronized Optional<PaymentTransaction> byId(String merchantId, TransactionId id) {
        Row row = rows.get(id);
        return row == null || !row.merchantId().equals(merchantId) ? Optional.empty()
            : Optional.of(PaymentTransaction.reconstitute(row.snapshot()));
    }

    @Override
    public synchronized Optional<PaymentTransaction> byProviderReference(ProviderId provider, String providerReference) {
        return rows.values().stream().map(Row::snapshot)
            .filter(s -> s.provider() == provider && s.providerReferences().stream()
                .anyMatch(r -> r.value().equals(providerReference)))
            .findFirst().map(PaymentTransaction::reconstitute);
    }

    @Override
    public synchronized Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        List<PaymentTransaction> items = rows.values().stream().filter(r -> r.merchantId().equals(merchantId))
            .map(r -> PaymentTransaction.reconstitute(r.snapshot()))
            .sorted(Comparator.comparing(PaymentTransaction::createdAt).reversed()).limit(limit).toList();
        return new Page(items, Optional.empty());
    }

    public synchronized int size() {
        return rows.size();
    }
}
