package dev.payhooks.app.inbound;

import dev.payhooks.adapters.notifications.JtaTransactions;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.application.notifications.ApplyNotifications;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import dev.payhooks.app.schedule.PollingWork;
import dev.payhooks.app.schedule.RepeatingWork;
import dev.payhooks.app.config.PayhooksSettings;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies stored notifications whose first attempt failed (or never ran, e.g. the instance
 * stopped between storing and applying): every few seconds it takes what is due, oldest first.
 * Each is locked with SKIP LOCKED while it is applied, so several instances share the work
 * without applying anything twice; after {@code MAX_PROCESSING_ATTEMPTS} a notification waits
 * for staff.
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class NotificationRetryScheduler extends PollingWork {

    private static final Logger LOG = Logger.getLogger(NotificationRetryScheduler.class.getName());
    private static final int BATCH = 50;

    @Inject
    ApplyNotifications pipeline;

    @Inject
    NotificationEndpoint endpoint;

    @Inject
    JtaTransactions transactions;

    @Inject
    void settings(PayhooksSettings settings) {
        pollEvery(Duration.ofSeconds(settings.inbound().retryPollSeconds()));
    }

    @Override
    protected void tick() {
        RepeatingWork.attempt(LOG, "Notification retry tick failed; the next tick tries again", () -> {
            List<String> due = transactions.inNewTransaction(() -> pipeline.dueForRetry(BATCH));
            due.forEach(endpoint::applyNow);
        });
    }
}
