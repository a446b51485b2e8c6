package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.persistence.merchant.MerchantEntity;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.Jpql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InboundNotifications} on JPA. The caller owns the transaction.
 *
 * <h2>How {@link #store} deduplicates</h2>
 * Providers resend notifications (Adyen for up to 30 days, Walley at least once), so a duplicate
 * is an everyday outcome, not an error. Two obvious ways fail:
 * <ul>
 * <li>{@code persist} and {@code flush}: the unique constraint violation becomes a Hibernate
 *     exception that marks the caller's transaction rollback-only (and PostgreSQL aborts the
 *     transaction on any failed statement), so the caller could not go on to answer "duplicate".</li>
 * <li>look up the key, then insert: two instances receiving the same retry at the same moment
 *     both find nothing and both insert.</li>
 * </ul>
 * So the unique constraint (provider, dedup_merchant_id, dedup_channel_slug, dedup_key) decides, through SQL that cannot break the
 * transaction, sent over the transaction's own connection:
 * <ul>
 * <li>PostgreSQL: {@code INSERT … ON CONFLICT (provider, dedup_merchant_id, dedup_channel_slug, dedup_key) DO NOTHING}. It waits for a
 *     concurrent transaction inserting the same key, and inserts nothing if that one commits:
 *     no error, no aborted transaction, no ERROR line in the server log for every retry.</li>
 * <li>H2: a plain {@code INSERT}. H2 also waits for the concurrent inserter, then reports
 *     SQLState 23505; unlike PostgreSQL it undoes only the failed statement. The exception is
 *     caught here and never passes through Hibernate, so nothing is marked rollback-only.</li>
 * </ul>
 * The key is scoped to the merchant and channel that received it: provider ids are unique only
 * within one provider account, so a key equal to another merchant's is not a resend.
 * Then the existing row's id is read by key. By then the other transaction has committed (the
 * insert waited for it), so READ COMMITTED, the default on both databases, sees the row.
 *
 * <p>The statements are {@link InboundNotificationRows}'. The acknowledging path does not store
 * through this repository but through {@link JdbcNotificationIntake}: the same statements on a
 * pooled connection of its own, committed before it returns, without a persistence context.
 */
public class JpaInboundNotifications extends JpaRepository<InboundNotificationEntity> implements InboundNotifications {

    public JpaInboundNotifications(EntityManager em) {
        super(em, InboundNotificationEntity.class);
    }

    @Override
    public StoreResult store(InboundNotification notification) {
        InboundNotificationEntity row = InboundNotificationMapper.toNewEntity(notification);
        return em.unwrap(Session.class).doReturningWork(connection -> InboundNotificationRows.insert(connection, List.of(row)).get(0));
    }

    @Override
    public Optional<InboundNotification> byId(String id) {
        return find(id).map(InboundNotificationMapper::toDomain);
    }

    @Override
    public void update(InboundNotification notification) {
        InboundNotificationEntity entity = em.find(InboundNotificationEntity.class, notification.id(), LockModeType.NONE);
        if (entity == null || entity.version != notification.version()) {
            throw new OptimisticLockException("notification " + notification.id() + " was changed or removed meanwhile");
        }
        InboundNotificationMapper.copyMutableState(notification, entity);
        em.flush();
    }

    @Override
    public List<InboundNotification> awaitingProcessing(int limit) {
        return list(InboundNotificationMapper::toDomain, atLeastOne(limit), "select n from InboundNotificationEntity n"
                + " where n.status = :received or (n.status = :failed and n.attempts < :maxAttempts)"
                + " order by n.receivedAt, n.id", "received", ProcessingStatus.RECEIVED.name(),
            "failed", ProcessingStatus.FAILED.name(), "maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS);
    }

    @Override
    public Optional<InboundNotification> lockIfAwaiting(String id) {
        // SKIP LOCKED: a row another instance is processing right now is passed over, not waited for
        boolean locked = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id from inbound_notification"
                    + " where id = ? and (status = ? or (status = ? and attempts < ?)) for update skip locked")) {
                select.setString(1, id);
                select.setString(2, ProcessingStatus.RECEIVED.name());
                select.setString(3, ProcessingStatus.FAILED.name());
                select.setInt(4, InboundNotification.MAX_PROCESSING_ATTEMPTS);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
        if (!locked) {
            return Optional.empty();
        }
        InboundNotificationEntity entity = find(id).orElseThrow();
        em.refresh(entity);
        return Optional.of(InboundNotificationMapper.toDomain(entity));
    }

    /**
     * One statement locks and reads them all. A row this transaction had read before is read
     * again, so what the caller gets is the locked state.
     */
    @Override
    public List<InboundNotification> lockAllIfAwaiting(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        boolean readBefore = em.unwrap(Session.class).getStatistics().getEntityCount() > 0;
        @SuppressWarnings("unchecked")
        List<InboundNotificationEntity> rows = em.createNativeQuery("select * from inbound_notification"
                + " where id in (:ids) and (status = :received or (status = :failed and attempts < :maxAttempts))"
                + " order by received_at, id for update skip locked", InboundNotificationEntity.class)
            .setParameter("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
            .setParameter("received", ProcessingStatus.RECEIVED.name())
            .setParameter("failed", ProcessingStatus.FAILED.name())
            .setParameter("maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS)
            .getResultList();
        if (readBefore) {
            rows.forEach(em::refresh);
        }
        return rows.stream().map(InboundNotificationMapper::toDomain).toList();
    }

    /**
     * Flushes, then detaches every entity but the notifications still awaiting processing (the
     * rest of the group, locked and read by {@link #lockAllIfAwaiting}) and the merchants (read
     * for every notification, changed by none): the next notification's flushes check only what
     * it reads and writes itself. Nothing is left for the commit to do
     * for a detached entity: every write is flushed here, and a payment's version is raised when
     * it is changed, not at commit ({@code JpaPaymentTransactions#update}).
     */
    @Override
    public void settle() {
        em.flush();
        Session session = em.unwrap(Session.class);
        List<Object> done = new ArrayList<>();
        for (Map.Entry<Object, EntityEntry> entry : session.unwrap(SessionImplementor.class)
                .getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            if (!(entry.getKey() instanceof InboundNotificationEntity notification && awaiting(notification))
                    && !(entry.getKey() instanceof MerchantEntity)) {
                done.add(entry.getKey());
            }
        }
        for (Object entity : done) {
            // detaching a payment detaches its events with it
            if (session.contains(entity)) {
                session.detach(entity);
            }
        }
    }

    private static boolean awaiting(InboundNotificationEntity notification) {
        return ProcessingStatus.RECEIVED.name().equals(notification.status)
            || ProcessingStatus.FAILED.name().equals(notification.status);
    }

    @Override
    public List<String> dueForProcessing(Instant receivedBefore, Instant failedBefore, Collection<Integer> lanes, int limit) {
        atLeastOne(limit);
        if (lanes.isEmpty()) {
            return List.of();
        }
        return Jpql.bindIn(Jpql.bind(em.createQuery("select n.id from InboundNotificationEntity n where "
                    + Jpql.in("n.applyLane", "lane", lanes.size())
                    + " and ((n.status = :received and n.receivedAt < :receivedBefore)"
                    + " or (n.status = :failed and n.attempts < :maxAttempts and n.lastAttemptAt < :failedBefore))"
                    + " order by n.receivedAt, n.id", String.class),
                "received", ProcessingStatus.RECEIVED.name(), "failed", ProcessingStatus.FAILED.name(),
                "maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS, "receivedBefore", receivedBefore, "failedBefore", failedBefore),
                "lane", lanes.stream().map(Integer::shortValue).toList())
            .setMaxResults(limit)
            .getResultList();
    }

    @Override
    public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        atLeastOne(limit);
        Jpql jpql = new Jpql("select n from InboundNotificationEntity n where n.merchantId = :merchant", "merchant", merchantId)
            .and(filter.provider(), "n.provider = :provider", "provider", ProviderId::slug)
            .and(filter.status(), "n.status = :status", "status", Enum::name)
            .and(filter.from(), "n.receivedAt >= :from", "from")
            .and(filter.to(), "n.receivedAt < :to", "to");
        filter.idText().ifPresent(text -> jpql.and("(lower(n.id) like :part escape '!'"
            + " or lower(n.transactionId) like :part escape '!' or lower(n.dedupKey) like :part escape '!'"
            + " or n.correlationId = :correlation)", "part", Jpql.containing(text), "correlation", text));
        jpql.before(after, "n.receivedAt", "n.id", Cursor::receivedAt, Cursor::id).append(" order by n.receivedAt desc, n.id desc");
        List<InboundNotification> rows = query(jpql).setMaxResults(limit + 1).getResultStream()
            .map(InboundNotificationMapper::toDomain).toList();
        Keyset<InboundNotification, Cursor> page = keyset(rows, limit, last -> new Cursor(last.receivedAt(), last.id()));
        return new Page(page.items(), page.next());
    }
}
