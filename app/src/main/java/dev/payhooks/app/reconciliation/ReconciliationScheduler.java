package dev.payhooks.app.reconciliation;

import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.schedule.RepeatingWork;
import dev.payhooks.application.reconciliation.ReconcileTransactions;
import dev.payhooks.application.reconciliation.RedeliverSaleorReports;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs the reconciliation job ({@link ReconcileTransactions}, then
 * {@link RedeliverSaleorReports}) every {@code payhooks.reconciliation.interval}, the first run
 * one interval after start. Several instances may run it at once: due reconciliations and reports
 * are claimed, so each is checked by one. Settings out of range stop the server at startup. Each
 * run counts {@code payhooks_reconciliation_total{outcome}} (started, checked, found, settled,
 * flagged, yielded; report_resent, report_taken, report_refused, report_flagged) and logs a line
 * when it did something; never a transaction's content.
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class ReconciliationScheduler {

    private static final Logger LOG = Logger.getLogger(ReconciliationScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReconcileTransactions reconciliation;

    @Inject
    RedeliverSaleorReports redelivery;

    @Inject
    PayhooksSettings settings;

    @Inject
    MetricRegistry registry;

    private final RepeatingWork loop = new RepeatingWork();

    @PostConstruct
    void start() {
        if (!settings.reconciliation().enabled()) {
            LOG.info("Reconciliation job is off in this instance (payhooks.reconciliation.enabled=false)");
            return;
        }
        long every = settings.reconciliation().interval().toMillis();
        loop.start(scheduler, this::run, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /**
     * One run: the outcomes, then the Saleor reports, neither stopped by the other's failure;
     * what a failed run left is still due, so the next run takes it.
     */
    void run() {
        RepeatingWork.attempt(LOG, "Reconciliation run failed; the next run goes on", () -> {
            long started = System.nanoTime();
            ReconcileTransactions.Report report = reconciliation.run(settings.reconciliation().policy());
            count("started", report.started());
            count("checked", report.checked());
            count("found", report.found());
            count("settled", report.settled());
            count("flagged", report.flagged());
            count("yielded", report.yielded());
            if (report.started() + report.checked() > 0 || report.startFailed()) {
                LOG.info("Reconciliation run in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: "
                    + report);
            }
        });
        RepeatingWork.attempt(LOG, "Reconciliation of Saleor reports failed; the next run goes on", () -> {
            long started = System.nanoTime();
            RedeliverSaleorReports.Report reports = redelivery.run(settings.reconciliation().policy());
            count("report_resent", reports.resent());
            count("report_taken", reports.reported());
            count("report_refused", reports.refused());
            count("report_flagged", reports.flagged());
            if (reports.resent() > 0) {
                LOG.info("Reconciliation of Saleor reports in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                    + " ms: " + reports);
            }
        });
    }

    private void count(String outcome, int transactions) {
        registry.counter("payhooks_reconciliation", new Tag("outcome", outcome)).inc(transactions);
    }
}
