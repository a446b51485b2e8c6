package dev.payhooks.persistence.reconciliation;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Reconciliations} on JPA. The caller owns the transaction. */
public class JpaReconciliations extends JpaRepository<ReconciliationEntity> implements Reconciliations {

    /** {@link Reconciliation#open} as a condition on {@code t}, a payment transaction. */
    static final String OPEN = "(t.status in :openStatuses or t.authorizationPending > 0 or t.chargePending > 0"
        + " or t.refundPending > 0 or t.cancelPending > 0)";
    private static final List<String> OPEN_STATUSES = Reconciliation.OPEN_STATUSES.stream().map(Enum::name).toList();
    private static final String CHECKING = Reconciliation.State.CHECKING.name();

    public JpaReconciliations(EntityManager em) {
        super(em, ReconciliationEntity.class);
    }

    @Override
    public int start(Instant unchangedSince, Instant at, int limit) {
        List<Object[]> due = em.createQuery("select t.id, t.merchantId from PaymentTransactionEntity t where " + OPEN
                + " and t.updatedAt <= :since and not exists (select r from ReconciliationEntity r where"
                + " r.transactionId = t.id and (r.state in :active or r.updatedAt >= t.updatedAt))"
                + " order by t.updatedAt, t.id", Object[].class)
            .setParameter("openStatuses", OPEN_STATUSES)
            .setParameter("since", unchangedSince)
            .setParameter("active", List.of(CHECKING, Reconciliation.State.NEEDS_ATTENTION.name()))
            .setMaxResults(limit)
            .getResultList();
        for (Object[] row : due) {
            String transactionId = (String) row[0];
            Optional<ReconciliationEntity> closed = find(transactionId);
            if (closed.isPresent()) {
                Reconciliation reopened = toDomain(closed.get());
                reopened.reopen(at);
                copy(reopened, closed.get());
                em.flush();
            } else {
                ReconciliationEntity entity = new ReconciliationEntity();
                entity.transactionId = transactionId;
                copy(Reconciliation.start((String) row[1], TransactionId.of(transactionId), at), entity);
                persist(entity);
            }
        }
        return due.size();
    }

    @Override
    public List<Reconciliation> claimDue(Instant now, Duration lease, int limit) {
        Instant until = now.plus(lease);
        String claimable = "r.state = :checking and r.nextCheckAt <= :now";
        List<ReconciliationEntity> candidates = query("select r from ReconciliationEntity r where " + claimable
            + " order by r.nextCheckAt, r.transactionId", "checking", CHECKING, "now", now).setMaxResults(limit).getResultList();
        // of several instances only one sees its row count be 1; the claim is a change like any other
        // (the version moves on), so a writer that read the row before it is refused
        List<Reconciliation> won = new ArrayList<>();
        for (ReconciliationEntity candidate : candidates) {
            if (executeUpdate("update ReconciliationEntity r set r.nextCheckAt = :until, r.version = r.version + 1"
                    + " where r.transactionId = :id and r.version = :version and " + claimable, "until", until,
                    "id", candidate.transactionId, "version", candidate.version(), "checking", CHECKING, "now", now) == 1) {
                won.add(toDomain(candidate, until, candidate.version() + 1));
            }
        }
        return won;
    }

    @Override
    public void add(Reconciliation reconciliation) {
        ReconciliationEntity entity = new ReconciliationEntity();
        entity.transactionId = reconciliation.transactionId().value();
        copy(reconciliation, entity);
        store(entity.transactionId, entity, () -> new Conflict("transaction " + reconciliation.transactionId()
            + " has a reconciliation already"));
    }

    @Override
    public void update(Reconciliation reconciliation) {
        change(reconciliation.transactionId().value(), reconciliation.version(),
            changedMeanwhile("the reconciliation of transaction " + reconciliation.transactionId()),
            row -> copy(reconciliation, row));
    }

    @Override
    public Optional<Reconciliation> of(String merchantId, TransactionId transactionId) {
        return findOf(merchantId, transactionId.value(), r -> r.merchantId).map(JpaReconciliations::toDomain);
    }

    @Override
    public long needingAttention(String merchantId) {
        return em.createQuery("select count(r) from ReconciliationEntity r where r.merchantId = :merchant"
                + " and r.state = :flagged", Long.class)
            .setParameter("merchant", merchantId)
            .setParameter("flagged", Reconciliation.State.NEEDS_ATTENTION.name())
            .getSingleResult();
    }

    private static void copy(Reconciliation from, ReconciliationEntity to) {
        to.merchantId = from.merchantId();
        to.state = from.state().name();
        to.attempts = from.attempts();
        to.nextCheckAt = from.nextCheckAt();
        to.lastCheckedAt = from.lastCheckedAt().orElse(null);
        to.lastResult = from.lastResult().orElse(null);
        to.reason = from.reason().orElse(null);
        to.resolvedBy = from.resolvedBy().orElse(null);
        to.openedAt = from.openedAt();
        to.updatedAt = from.updatedAt();
    }

    private static Reconciliation toDomain(ReconciliationEntity row) {
        return toDomain(row, row.nextCheckAt, row.version());
    }

    private static Reconciliation toDomain(ReconciliationEntity row, Instant nextCheckAt, long version) {
        return new Reconciliation(TransactionId.of(row.transactionId), row.merchantId,
            Reconciliation.State.valueOf(row.state), row.attempts, nextCheckAt, row.lastCheckedAt, row.lastResult,
            row.reason, row.resolvedBy, row.openedAt, row.updatedAt, version);
    }
}
