package dev.payhooks.app.inbound;

import dev.payhooks.adapters.api.SafeErrors;
import dev.payhooks.adapters.notifications.InboxWakeup;
import dev.payhooks.adapters.notifications.JtaTransactions;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.application.notifications.ApplyNotifications;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.domain.inbound.ApplyLanes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workers that apply stored notifications: the notification endpoint only stores and
 * acknowledges, these apply afterwards from the durable inbox (the {@code inbound_notification}
 * table). {@code payhooks.inbound.workers} threads per instance apply side by side, each the
 * inbox lanes of its own ({@link ApplyLanes#ownedBy}), and each takes what is due in its lanes a
 * batch at a time, oldest received first: every RECEIVED notification, and a FAILED one with
 * attempts left once its retry delay has passed. A notification's lane is that of the payment it
 * is about, so one worker applies one payment's notifications, in arrival order within an
 * instance, while the other workers apply other payments'. Several are applied in one transaction
 * that locks them with FOR UPDATE SKIP LOCKED (one statement), so several instances share the
 * inbox without applying anything twice and a commit is paid per group, not per notification.
 *
 * <p>A store wakes every worker at once ({@link InboxWakeup}); otherwise each looks every
 * {@code payhooks.inbound.retry-poll-seconds}, and at start, so what an instance acknowledged
 * before it stopped is applied by the next one to start (or by any other instance meanwhile).
 * After {@code MAX_PROCESSING_ATTEMPTS} a notification waits for staff.
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class NotificationInbox {

    private static final Logger LOG = Logger.getLogger(NotificationInbox.class.getName());
    private static final int BATCH = 50;
    /**
     * Notifications applied in one transaction: one commit for all of them. A failure rolls back
     * all of them, which are then applied one per transaction (where the failure is recorded).
     * Between two of them the persistence context lets go of what the one before read and wrote
     * ({@code InboundNotifications#settle}), so a flush checks one notification's entities however
     * many the group holds.
     */
    private static final int TOGETHER = 25;
    /** After a failed round (database away), the worker waits this long before it looks again. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    /** A container thread: naming, class loader and transactions work on it. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    ApplyNotifications pipeline;

    @Inject
    NotificationEndpoint endpoint;

    @Inject
    JtaTransactions transactions;

    @Inject
    InboxWakeup wakeup;

    Duration poll;
    int workerCount;

    @Inject
    void settings(PayhooksSettings settings) {
        poll = Duration.ofSeconds(settings.inbound().retryPollSeconds());
        workerCount = settings.inbound().workers();
    }

    private volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();

    @PostConstruct
    void start() {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            List<Integer> lanes = ApplyLanes.ownedBy(i, workerCount);
            InboxWakeup.Waiter woken = wakeup.waiter();
            Thread worker = threads.newThread(() -> work(lanes, woken));
            worker.setName("payhooks-notification-inbox-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
    }

    private void work(List<Integer> lanes, InboxWakeup.Waiter woken) {
        while (running) {
            try {
                if (round(lanes) < BATCH) {
                    woken.await(poll);
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Applying stored notifications failed; the worker tries again", SafeErrors.loggable(e));
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * Applies one batch of what is due in {@code lanes}, {@code TOGETHER} notifications per
     * transaction; returns how many of them this instance applied (or recorded as failed).
     */
    int round(List<Integer> lanes) {
        List<String> due = transactions.inNewTransaction(() -> pipeline.dueForRetry(lanes, BATCH));
        int applied = 0;
        for (int from = 0; from < due.size() && running; from += TOGETHER) {
            // one unit of work per notification (applying it adopts the correlation id stored with it)
            applied += endpoint.applyAllNow(due.subList(from, Math.min(due.size(), from + TOGETHER)));
        }
        return applied;
    }
}
