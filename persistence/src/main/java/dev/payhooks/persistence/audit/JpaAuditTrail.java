package dev.payhooks.persistence.audit;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} on JPA. The caller owns the transaction, so an entry commits with its change. */
public class JpaAuditTrail extends JpaRepository<AuditEntryEntity> implements AuditTrail {

    public JpaAuditTrail(EntityManager em) {
        super(em, AuditEntryEntity.class);
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
        persist(row);
    }

    @Override
    public Page newest(String merchantId, Optional<Cursor> after, int limit) {
        String jpql = "select a from AuditEntryEntity a where a.merchantId = :merchant"
            + (after.isPresent() ? " and (a.recordedAt < :afterAt or (a.recordedAt = :afterAt and a.id < :afterId))" : "")
            + " order by a.recordedAt desc, a.id desc";
        TypedQuery<AuditEntryEntity> query = query(jpql, "merchant", merchantId);
        after.ifPresent(c -> query.setParameter("afterAt", c.at()).setParameter("afterId", c.id()));
        List<AuditEntry> rows = query.setMaxResults(limit + 1).getResultList().stream()
            .map(r -> new AuditEntry(r.id, r.merchantId, r.recordedAt, r.actor, Actor.Source.valueOf(r.source), r.action, r.subject,
                r.detail)).toList();
        Keyset<AuditEntry, Cursor> page = keyset(rows, limit, last -> new Cursor(last.at(), last.id()));
        return new Page(page.items(), page.next());
    }
}
