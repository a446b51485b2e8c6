package dev.payhooks.admin.audit;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.application.audit.AuditQueries;
import dev.payhooks.domain.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The audit trail view's model: the merchant's audit entries, newest first. */
@ApplicationScoped
@Transactional
public class AuditModel extends ConsoleModel {

    @Inject
    AuditQueries audit;

    /** A page of the audit trail, newest first, after {@code after}. */
    public AuditPage auditEntries(Optional<AuditPage.Mark> after, int limit) {
        return auditEntries(AuditFilter.none(), after, limit);
    }

    /** A page of the entries that match, newest first, after {@code after}. */
    public AuditPage auditEntries(AuditFilter filter, Optional<AuditPage.Mark> after, int limit) {
        AuditTrail.Page page = audit.page(signedIn.merchantId(), trailFilter(filter),
            after.map(m -> new AuditTrail.Cursor(m.at(), m.id())), limit);
        return new AuditPage(page.entries().stream()
            .map(e -> new AuditRow(e.id(), e.at(), e.actor(), e.source().name(), e.action(), e.subject(), e.detail())).toList(),
            page.next().map(c -> new AuditPage.Mark(c.at(), c.id())));
    }

    /** The entries that match as CSV (at most {@link AuditQueries#EXPORT_LIMIT}, newest first); every staff member may read them. */
    public String csv(AuditFilter filter) {
        return audit.csv(signedIn.merchantId(), trailFilter(filter));
    }

    private static AuditTrail.Filter trailFilter(AuditFilter f) {
        return new AuditTrail.Filter(Optional.ofNullable(f.actor()), Optional.ofNullable(f.action()),
            Optional.ofNullable(f.subject()), Optional.ofNullable(f.from()), Optional.ofNullable(f.to()));
    }
}
