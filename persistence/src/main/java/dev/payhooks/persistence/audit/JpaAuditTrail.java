package dev.payhooks.persistence.audit;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} on JPA. The caller owns the transaction, so an entry commits with its change. */
public class JpaAuditTrail implements AuditTrail {

    private final EntityManager em;

    public JpaAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(AuditEntry entry) {
        AuditEntryEntity row = new AuditEntryEntity();
        row.id = entry.id();
        row.merchantId = entry.merchantId();
        row.recordedAt = entry.at();
        row.actor = entry.actor();
        row.source = entry.source().name();
        row.action = entry.action();
        row.subject = entry.subject();
        row.detail = entry.detail();
        em.persist(row);
        em.flush();
    }

    @Override
    public Page newest(String merchantId, Optional<Cursor> after, int limit) {
        String jpql = "select a from AuditEntryEntity a where a.merchantId = :merchant"
            + (after.isPresent() ? " and (a.recordedAt < :afterAt or (a.recordedAt = :afterAt and a.id < :afterId))" : "")
            + " order by a.recordedAt desc, a.id desc";
        TypedQuery<AuditEntryEntity> query = em.createQuery(jpql, AuditEntryEntity.class).setParameter("merchant", merchantId);
        after.ifPresent(c -> query.setParameter("afterAt", c.at()).setParameter("afterId", c.id()));
        // one row more than asked tells whether another page follows
        List<AuditEntry> rows = query.setMaxResults(limit + 1).getResultList().stream()
            .map(r -> new AuditEntry(r.id, r.merchantId, r.recordedAt, r.actor, Actor.Source.valueOf(r.source), r.action, r.subject,
                r.detail)).toList();
        List<AuditEntry> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        Optional<Cursor> next = rows.size() > limit
            ? Optional.of(new Cursor(page.get(page.size() - 1).at(), page.get(page.size() - 1).id())) : Optional.empty();
        return new Page(page, next);
    }
}
