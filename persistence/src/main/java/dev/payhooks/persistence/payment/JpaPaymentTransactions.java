package dev.payhooks.persistence.payment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.Jpql;
import dev.payhooks.persistence.jpa.TransactionConnection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link PaymentTransactions} on JPA. The caller owns the transaction. */
public class JpaPaymentTransactions extends JpaRepository<PaymentTransactionEntity> implements PaymentTransactions {

    private static final String STORED = "SELECT 1 FROM payment_transaction WHERE id = ? AND merchant_id = ?";

    public JpaPaymentTransactions(EntityManager em) {
        super(em, PaymentTransactionEntity.class);
    }

    /**
     * One GROUP BY over the (merchant_id, created_at) index. The UTC day is the epoch day,
     * {@code FLOOR(EXTRACT(EPOCH FROM created_at) / 86400)}: seconds since 1970-01-01T00:00Z are
     * the same instant on H2 and PostgreSQL whatever the session's time zone, where casting a
     * {@code TIMESTAMP WITH TIME ZONE} to a date is not (H2 casts in the session's zone).
     */
    @Override
    public List<DailyCount> dailyCounts(String merchantId, java.time.Instant from, java.time.Instant to) {
        String epochDay = "FLOOR(EXTRACT(EPOCH FROM created_at) / 86400)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + epochDay + " AS epoch_day, COUNT(*),"
                + " SUM(CASE WHEN authorized > 0 OR charged > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN authorized = 0 AND charged = 0 AND status = 'FAILED' THEN 1 ELSE 0 END)"
                + " FROM payment_transaction WHERE merchant_id = ?1 AND created_at >= ?2 AND created_at < ?3"
                + " GROUP BY " + epochDay + " ORDER BY epoch_day")
            .setParameter(1, merchantId)
            .setParameter(2, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
            .setParameter(3, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
            .getResultList();
        return rows.stream().map(r -> new DailyCount(java.time.LocalDate.ofEpochDay(((Number) r[0]).longValue()),
            ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    /**
     * Plain SQL over the transaction's connection ({@link NewTransactionRows}): the row goes in
     * unless the id is stored, which the insert itself tells, and no entity enters the session.
     */
    @Override
    public void add(String merchantId, PaymentTransaction transaction) {
        PaymentTransactionEntity rows = PaymentTransactionMapper.toNewEntity(merchantId, transaction);
        if (!TransactionConnection.work(em, connection -> NewTransactionRows.insert(connection, rows))) {
            throw new Conflict("transaction " + transaction.id() + " exists already");
        }
    }

    @Override
    public void update(PaymentTransaction transaction) {
        change(transaction.id().value(), transaction.version(),
            changedMeanwhile("transaction " + transaction.id()), entity -> {
                PaymentTransactionMapper.copyMutableState(transaction.snapshot(), entity);
                // the row's version must move even when only child rows were added; raised here, not
                // at commit, so nothing is left pending on the entity (the inbox worker detaches it
                // before the commit of its group: JpaInboundNotifications#settle)
                entity.updatedAt(transaction.updatedAt());
                try {
                    em.lock(entity, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                } catch (OptimisticLockException committedMeanwhile) {
                    throw changedMeanwhile("transaction " + transaction.id()).get();
                }
            });
    }

    /**
     * A plain-SQL look-up over the transaction's connection first: most reads by id on the Saleor
     * path are for a payment the hub does not know yet, and telling that by one indexed select costs
     * less than building and running the entity query. A stored payment is then read whole.
     */
    @Override
    public Optional<PaymentTransaction> byId(String merchantId, TransactionId id) {
        if (!TransactionConnection.work(em, connection -> isStored(connection, merchantId, id.value()))) {
            return Optional.empty();
        }
        return whole(merchantId, List.of(id.value())).stream().findFirst();
    }

    private static boolean isStored(Connection connection, String merchantId, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(STORED)) {
            select.setString(1, id);
            select.setString(2, merchantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public Optional<PaymentTransaction> byProviderReference(String merchantId, ProviderId provider, String providerReference) {
        return whole(merchantId, ids(1, "select t.id from PaymentTransactionEntity t join t.providerReferences r "
                + "where t.merchantId = :merchant and t.provider = :provider and r.reference = :reference",
            "merchant", merchantId, "provider", provider.slug(), "reference", providerReference)).stream().findFirst();
    }

    @Override
    public Optional<PaymentTransaction> byMerchantReference(String merchantId, ProviderId provider, String merchantReference) {
        return whole(merchantId, ids(1, "select t.id from PaymentTransactionEntity t where t.merchantId = :merchant"
                + " and t.provider = :provider and t.merchantReference = :reference order by t.createdAt desc, t.id desc",
            "merchant", merchantId, "provider", provider.slug(), "reference", merchantReference)).stream().findFirst();
    }

    /**
     * With provider references and a merchant reference, one statement finds the candidates of
     * both (the provider references' matches, then the merchant reference's, newest first) and
     * the precedence is applied to what it found: the first provider reference that matched,
     * else the newest by merchant reference.
     */
    @Override
    public Optional<PaymentTransaction> byReferences(String merchantId, ProviderId provider, List<String> providerReferences,
                                                     Optional<String> merchantReference) {
        if (providerReferences.isEmpty() || merchantReference.isEmpty()) {
            return PaymentTransactions.super.byReferences(merchantId, provider, providerReferences, merchantReference);
        }
        List<Object[]> candidates = Jpql.bindIn(Jpql.bind(em.createQuery("select t.id, r.reference, t.createdAt"
                + " from PaymentTransactionEntity t join t.providerReferences r where t.merchantId = :merchant"
                + " and t.provider = :provider and " + Jpql.in("r.reference", "providerReference", providerReferences.size())
                + " union all select t.id, '', t.createdAt from PaymentTransactionEntity t where t.merchantId = :merchant "
                + "and t.provider = :provider and t.merchantReference = :reference", Object[].class),
            "merchant", merchantId, "provider", provider.slug(), "reference", merchantReference.get()),
            "providerReference", providerReferences).getResultList();
        Map<String, String> byProviderReference = new HashMap<>();
        Object[] newestByMerchantReference = null;
        for (Object[] candidate : candidates) {
            String reference = (String) candidate[1];
            if (!reference.isEmpty()) {
                byProviderReference.putIfAbsent(reference, (String) candidate[0]);
            } else if (newestByMerchantReference == null || newer(candidate, newestByMerchantReference)) {
                newestByMerchantReference = candidate;
            }
        }
        String found = providerReferences.stream().map(byProviderReference::get).filter(Objects::nonNull).findFirst()
            .orElse(newestByMerchantReference == null ? null : (String) newestByMerchantReference[0]);
        return found == null ? Optional.empty() : whole(merchantId, List.of(found)).stream().findFirst();
    }

    /** Whether candidate {@code a} comes before {@code b} in {@link #byMerchantReference}'s order (newest, then the greater id). */
    private static boolean newer(Object[] a, Object[] b) {
        int byTime = ((java.time.Instant) a[2]).compareTo((java.time.Instant) b[2]);
        return byTime != 0 ? byTime > 0 : ((String) a[0]).compareTo((String) b[0]) > 0;
    }

    private List<String> ids(int limit, String jpql, Object... namesAndValues) {
        return Jpql.bind(em.createQuery(jpql, String.class), namesAndValues).setMaxResults(limit).getResultList();
    }

    /**
     * The merchant's transactions of {@code ids}, in that order, each with its events and
     * provider references from one statement. Read by separate statements, a row and its
     * children can straddle a concurrent commit (the inbox worker applying a capture between
     * them) and disagree, which the aggregate refuses as inconsistent stored data.
     */
    private List<PaymentTransaction> whole(String merchantId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // one id by equality: Hibernate keeps the SQL of such a query, where an IN list is translated anew each time
        String whole = "select t from PaymentTransactionEntity t left join fetch t.events left join fetch t.providerReferences"
            + " where t.merchantId = :merchant and ";
        List<PaymentTransactionEntity> found = ids.size() == 1
            ? query(whole + "t.id = :id", "id", ids.get(0), "merchant", merchantId).getResultList()
            : query(whole + "t.id in :ids", "ids", ids, "merchant", merchantId).getResultList();
        Map<String, PaymentTransactionEntity> byId = new HashMap<>();
        for (PaymentTransactionEntity entity : found) {
            byId.put(entity.id(), entity);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(PaymentTransactionMapper::toDomain).toList();
    }

    @Override
    public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        Jpql jpql = new Jpql("select t.id from PaymentTransactionEntity t where t.merchantId = :merchant", "merchant", merchantId)
            .and(filter.channelSlug(), "t.channelSlug = :channel", "channel")
            .and(filter.provider(), "t.provider = :provider", "provider", ProviderId::slug)
            .and(filter.status(), "t.status = :status", "status", Enum::name)
            .and(filter.from(), "t.createdAt >= :from", "from")
            .and(filter.to(), "t.createdAt < :to", "to")
            .and(Optional.of(Reconciliation.State.NEEDS_ATTENTION).filter(flagged -> filter.needsAttention()),
                "exists (select r from ReconciliationEntity r where r.transactionId = t.id and r.state = :flagged)",
                "flagged", Enum::name)
            .before(after, "t.createdAt", "t.id", Cursor::createdAt, Cursor::id)
            .append(" order by t.createdAt desc, t.id desc");
        // one row more than asked tells whether another page follows
        List<String> ids = jpql.query(em, String.class).setMaxResults(limit + 1).getResultList();
        List<PaymentTransaction> items = whole(merchantId, ids.subList(0, Math.min(limit, ids.size())));
        Optional<Cursor> next = ids.size() > limit && !items.isEmpty()
            ? Optional.of(new Cursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id().value()))
            : Optional.empty();
        return new Page(items, next);
    }
}
