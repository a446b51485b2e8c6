package dev.payhooks.domain.refund;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Refunds} in a map, for tests of code that uses the port. Keeps snapshots, so like the
 * database it hands out a fresh object per read and refuses stale updates.
 */
public class InMemoryRefunds implements Refunds {

    private final Map<RefundId, RefundSnapshot> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Refund refund) {
        if (byId.containsKey(refund.id())) {
            throw new Conflict("refund " + refund.id() + " exists already");
        }
        if (refund.grantedRefundId().isPresent()
            && byGrantedRefundId(refund.transactionId(), refund.grantedRefundId().get()).isPresent()) {
            throw new Conflict("granted refund " + refund.grantedRefundId().get() + " of transaction "
                + refund.transactionId() + " has a refund already");
        }
        byId.put(refund.id(), refund.snapshot());
    }

    @Override
    public synchronized void update(Refund refund) {
        RefundSnapshot stored = byId.get(refund.id());
        if (stored == null || stored.version() != refund.version()) {
            throw new Conflict("refund " + refund.id() + " was changed or removed meanwhile");
        }
        RefundSnapshot s = refund.snapshot();
        byId.put(refund.id(), new RefundSnapshot(s.id(), s.transactionId(), s.kind(), s.grantedRefundId(), s.amount(),
            s.lines(), s.includesShipping(), s.stage(), s.status(), s.providerReference(), s.message(),
            s.requestedAt(), s.updatedAt(), s.version() + 1));
    }

    @Override
    public synchronized Optional<Refund> byId(RefundId id) {
        return Optional.ofNullable(byId.get(id)).map(Refund::reconstitute);
    }

    @Override
    public synchronized List<Refund> ofTransaction(TransactionId transactionId) {
        return byId.values().stream()
            .filter(s -> s.transactionId().equals(transactionId))
            .sorted(Comparator.comparing(RefundSnapshot::requestedAt).thenComparing(s -> s.id().value()))
            .map(Refund::reconstitute)
            .toList();
    }

    @Override
    public synchronized Optional<Refund> byGrantedRefundId(TransactionId transactionId, String grantedRefundId) {
        return byId.values().stream()
            .filter(s -> s.transactionId().equals(transactionId) && grantedRefundId.equals(s.grantedRefundId()))
            .findFirst()
            .map(Refund::reconstitute);
    }
}
