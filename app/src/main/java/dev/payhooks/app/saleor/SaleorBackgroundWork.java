package dev.payhooks.app.saleor;

import dev.payhooks.adapters.npatobarai.NpShipmentReporter;
import dev.payhooks.adapters.saleor.OrderNoteSender;
import dev.payhooks.adapters.saleor.TransactionReportSender;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import dev.payhooks.app.schedule.PollingWork;
import dev.payhooks.app.schedule.RepeatingWork;
import dev.payhooks.app.config.PayhooksSettings;

import java.time.Duration;
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
public class SaleorBackgroundWork extends PollingWork {

    private static final Logger LOG = Logger.getLogger(SaleorBackgroundWork.class.getName());

    @Inject
    NpShipmentReporter shipments;

    @Inject
    OrderNoteSender notes;

    @Inject
    TransactionReportSender reports;

    @Inject
    void settings(PayhooksSettings settings) {
        pollEvery(Duration.ofMillis(settings.saleor().workerPollMillis()));
    }

    @Override
    protected void tick() {
        RepeatingWork.attempt(LOG, "Shipment reports failed; the next run retries", shipments::reportDue);
        RepeatingWork.attempt(LOG, "Order notes failed; the next run retries", notes::sendPending);
        RepeatingWork.attempt(LOG, "Saleor transaction reports failed; the next run retries", reports::sendDue);
    }
}
