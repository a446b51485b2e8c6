package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link TransactionReports} on JPA. The caller owns the transaction. */
public class JpaTransactionReports extends JpaRepository<TransactionReportEntity> implements TransactionReports {

    private static final String PENDING = TransactionReport.Status.PENDING.name();

    public JpaTransactionReports(EntityManager em) {
        super(em, TransactionReportEntity.class);
    }

    @Override
    public void add(TransactionReport report) {
        TransactionReportEntity row = new TransactionReportEntity();
        row.id = report.id();
        row.apiUrl = report.apiUrl();
        row.provider = report.provider().slug();
        row.saleorTransactionId = report.saleorTransactionId();
        row.pspReference = report.pspReference();
        row.type = report.type();
        row.amount = report.amount();
        row.time = report.time();
        row.message = report.message();
        row.createdAt = report.createdAt();
        copy(report, row);
        persist(row);
    }

    @Override
    public void update(TransactionReport report) {
        copy(report, find(report.id())
            .orElseThrow(() -> new IllegalStateException("transaction report " + report.id() + " is not stored")));
        em.flush();
    }

    @Override
    public List<TransactionReport> claimDue(int limit, Instant now, Duration lease) {
        List<TransactionReportEntity> candidates = query("select r from TransactionReportEntity r"
                + " where r.status = :pending and r.dueAt <= :now order by r.createdAt, r.id", "pending", PENDING, "now", now)
            .setMaxResults(limit).getResultList();
        List<TransactionReport> claimed = new ArrayList<>();
        for (TransactionReportEntity candidate : candidates) {
            // the conditional update decides between instances: only one sees its row count be 1
            int won = em.createQuery("update TransactionReportEntity r set r.dueAt = :until where r.id = :id"
                    + " and r.status = :pending and r.dueAt <= :now")
                .setParameter("until", now.plus(lease)).setParameter("id", candidate.id)
                .setParameter("pending", PENDING).setParameter("now", now)
                .executeUpdate();
            if (won == 1) {
                TransactionReport report = toDomain(candidate);
                claimed.add(new TransactionReport(report.id(), report.apiUrl(), report.provider(),
                    report.saleorTransactionId(), report.pspReference(), report.type(), report.amount(), report.time(),
                    report.message(), report.status(), report.attempts(), report.lastError(), now.plus(lease),
                    report.createdAt(), report.updatedAt()));
            }
        }
        return claimed;
    }

    @Override
    public List<TransactionReport> ofSaleorTransaction(String saleorTransactionId) {
        return list("select r from TransactionReportEntity r where r.saleorTransactionId = :id order by r.createdAt, r.id",
            "id", saleorTransactionId).stream().map(JpaTransactionReports::toDomain).toList();
    }

    private static void copy(TransactionReport from, TransactionReportEntity to) {
        to.status = from.status().name();
        to.attempts = from.attempts();
        to.lastError = from.lastError();
        to.dueAt = from.dueAt();
        to.updatedAt = from.updatedAt();
    }

    private static TransactionReport toDomain(TransactionReportEntity row) {
        return new TransactionReport(row.id, row.apiUrl, ProviderId.fromSlug(row.provider), row.saleorTransactionId,
            row.pspReference, row.type, row.amount, row.time, row.message, TransactionReport.Status.valueOf(row.status),
            row.attempts, row.lastError, row.dueAt, row.createdAt, row.updatedAt);
    }
}
