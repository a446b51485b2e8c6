package dev.payhooks.persistence.audit;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.Jpql;
import jakarta.persistence.EntityManager;

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
    public Page newest(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        Jpql jpql = new Jpql("select a from AuditEntryEntity a where a.merchantId = :merchant", "merchant", merchantId)
            .and(filter.actor(), "lower(a.actor) like :actor escape '!'", "actor", Jpql::containing)
            .and(filter.action(), "lower(a.action) like :action escape '!'", "action", Jpql::containing)
            .and(filter.subject(), "lower(a.subject) like :subject escape '!'", "subject", Jpql::containing)
            .and(filter.from(), "a.recordedAt >= :from", "from")
            .and(filter.to(), "a.recordedAt < :to", "to")
            .before(after, "a.recordedAt", "a.id", Cursor::at, Cursor::id)
            .append(" order by a.recordedAt desc, a.id desc");
        List<AuditEntry> rows = query(jpql).setMaxResults(limit + 1).getResultList().stream()
            .map(r -> new AuditEntry(r.id, r.merchantId, r.recordedAt, r.actor, Actor.Source.valueOf(r.source), r.action, r.subject,
                r.detail)).toList();
        Keyset<AuditEntry, Cursor> page = keyset(rows, limit, last -> new Cursor(last.at(), last.id()));
        return new Page(page.items(), page.next());
    }
}
