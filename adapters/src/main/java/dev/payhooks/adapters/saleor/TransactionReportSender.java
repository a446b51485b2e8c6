package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.TransactionReportDelivery.Answer;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends due {@code transactionEventReport}s to Saleor, each call bounded like every Saleor call
 * (5 s). Taken (also {@code alreadyProcessed: true}) → SENT; GraphQL {@code errors} → FAILED with
 * Saleor's reason (the same report would be refused again); no answer → tried again after the
 * report's backoff ({@link TransactionReport#RETRY_DELAYS}), and after the last retry given up
 * undelivered, for the reconciliation to send again. Each goes through
 * {@link SaleorTransactionReportDelivery}, as the reconciliation's do. Reports are claimed
 * ({@link TransactionReports#claimDue}), so several instances never send the same one at once.
 */
public record TransactionReportSender(TransactionReports reports, SaleorAppTokens tokens, SaleorApiClient saleor,
                                      UnitOfWork units, Clock clock) {

    private static final Logger LOG = Logger.getLogger(TransactionReportSender.class.getName());

    static final int BATCH = 20;
    /** How long one instance holds a report it sends: far above the Saleor bound. */
    static final Duration LEASE = Duration.ofMinutes(1);

    /** Sends what is due; returns how many reports Saleor took. */
    public int sendDue() {
        List<TransactionReport> due = units.inNewTransaction(() -> reports.claimDue(BATCH, clock.instant(), LEASE));
        int taken = 0;
        SaleorTransactionReportDelivery delivery = new SaleorTransactionReportDelivery(tokens, saleor);
        for (TransactionReport report : due) {
            Answer answer = delivery.deliver(report);
            units.inNewTransaction(() -> {
                if (answer instanceof Answer.Taken) {
                    report.sent(clock.instant());
                } else if (answer instanceof Answer.Refused refused) {
                    report.refused(refused.reason(), clock.instant());
                } else {
                    report.notDelivered(((Answer.NotDelivered) answer).reason(), clock.instant());
                }
                reports.update(report);
                return null;
            });
            if (answer instanceof Answer.Taken) {
                taken++;
            } else {
                LOG.warning("transactionEventReport " + report.type() + " for " + report.saleorTransactionId()
                    + " not taken (attempt " + report.attempts() + ", now " + report.status() + "): "
                    + report.lastError());
            }
        }
        return taken;
    }
}
