package dev.payhooks.app.saleor;

import dev.payhooks.adapters.api.SafeErrors;
import dev.payhooks.adapters.npatobarai.NpShipmentReporter;
import dev.payhooks.adapters.saleor.OrderNoteSender;
import dev.payhooks.adapters.saleor.TransactionReportSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import dev.payhooks.app.config.PayhooksSettings;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Saleor app's work after a webhook was answered: report recorded shipments to NP
 * Atobarai, add the order notes in Saleor, and send the queued {@code transactionEventReport}s
 * (Adyen outcomes confirmed by notifications). All read their work from the database, so
 * nothing acknowledged is lost when the server stops, and several instances may run it
 * (a shipment reported twice is harmless for NP; notes are per row).
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class SaleorBackgroundWork {

    private static final Logger LOG = Logger.getLogger(SaleorBackgroundWork.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    NpShipmentReporter shipments;

    @Inject
    OrderNoteSender notes;

    @Inject
    TransactionReportSender reports;

    long pollMillis;

    @Inject
    void settings(PayhooksSettings settings) {
        pollMillis = settings.saleor().workerPollMillis();
    }

    private ScheduledFuture<?> loop;

    @PostConstruct
    void start() {
        loop = scheduler.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    void tick() {
        try {
            shipments.reportDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shipment reports failed; the next run retries", SafeErrors.loggable(e));
        }
        try {
            notes.sendPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order notes failed; the next run retries", SafeErrors.loggable(e));
        }
        try {
            reports.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Saleor transaction reports failed; the next run retries", SafeErrors.loggable(e));
        }
    }
}
