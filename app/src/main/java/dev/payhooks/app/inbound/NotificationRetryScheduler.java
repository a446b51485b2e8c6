package dev.payhooks.app.inbound;

import dev.payhooks.adapters.notifications.JtaTransactions;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.application.notifications.ApplyNotifications;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import dev.payhooks.app.schedule.RepeatingWork;
import dev.payhooks.app.config.PayhooksSettings;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
public class NotificationRetryScheduler {

    private static final Logger LOG = Logger.getLogger(NotificationRetryScheduler.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ApplyNotifications pipeline;

    @Inject
    NotificationEndpoint endpoint;

    @Inject
    JtaTransactions transactions;

    long pollSeconds;

    @Inject
    void settings(PayhooksSettings settings) {
        pollSeconds = settings.inbound().retryPollSeconds();
    }

    private final RepeatingWork loop = new RepeatingWork();

    @PostConstruct
    void start() {
        loop.start(scheduler, this::tick, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    void tick() {
        RepeatingWork.attempt(LOG, "Notification retry tick failed; the next tick tries again", () -> {
            List<String> due = transactions.inNewTransaction(() -> pipeline.dueForRetry(BATCH));
            due.forEach(endpoint::applyNow);
        });
    }
}
