package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link TransactionReports} on JPA. The caller owns the transaction. */
public class JpaTransactionReports extends JpaSaleorCalls<TransactionReport, TransactionReportEntity> implements TransactionReports {

    public JpaTransactionReports(EntityManager em) {
        super(em, TransactionReportEntity.class, "transaction report", TransactionReport.Status.PENDING);
    }

    @Override
    TransactionReportEntity newRow(TransactionReport report) {
        TransactionReportEntity row = new TransactionReportEntity();
        row.merchantId = report.merchantId().orElse(null);
        row.transactionId = report.transactionId().map(TransactionId::value).orElse(null);
        row.saleorTransactionId = report.saleorTransactionId();
        row.pspReference = report.pspReference();
        row.type = report.type();
        row.amount = report.amount();
        row.time = report.time();
        row.message = report.message();
        return row;
    }

    @Override
    void copyProgress(TransactionReport from, TransactionReportEntity to) {
        to.lastError = from.lastError();
        to.dueAt = from.dueAt();
        to.failure = from.failure().map(Enum::name).orElse(null);
        to.redeliveries = from.redeliveries();
    }

    @Override
    public List<TransactionReport> claimDue(int limit, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        // the update went past the loaded rows: a claimed report is due when its lease ends
        return claim("c.status = :pending and c.dueAt <= :now", "c.dueAt = :until", limit, now, until).stream()
            .map(r -> toDomain(r, until)).toList();
    }

    @Override
    public List<TransactionReport> claimUndelivered(int limit, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        return claim("c.failure = :pending and c.transactionId is not null and c.dueAt <= :now", "c.dueAt = :until",
            TransactionReport.Failure.UNDELIVERED.name(), limit, now, until).stream().map(r -> toDomain(r, until)).toList();
    }

    @Override
    public List<TransactionReport> ofSaleorTransaction(String saleorTransactionId) {
        return list(JpaTransactionReports::toDomain,
            "select r from TransactionReportEntity r where r.saleorTransactionId = :id order by r.createdAt, r.id", "id", saleorTransactionId);
    }

    private static TransactionReport toDomain(TransactionReportEntity row) {
        return toDomain(row, row.dueAt);
    }

    private static TransactionReport toDomain(TransactionReportEntity row, Instant dueAt) {
        return new TransactionReport(row.id, row.merchantId, row.transactionId == null ? null : TransactionId.of(row.transactionId),
            row.apiUrl, ProviderId.fromSlug(row.provider), row.saleorTransactionId, row.pspReference, row.type, row.amount,
            row.time, row.message, TransactionReport.Status.valueOf(row.status), row.attempts, row.lastError, dueAt,
            row.failure == null ? null : TransactionReport.Failure.valueOf(row.failure), row.redeliveries, row.createdAt,
            row.updatedAt);
    }
}
