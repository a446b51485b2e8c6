package dev.payhooks.app.retention;

import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.application.retention.ApplyRetention;
import dev.payhooks.application.retention.RetentionPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import dev.payhooks.app.schedule.RepeatingWork;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs the retention job ({@link ApplyRetention}) a few minutes after start and then every
 * {@code payhooks.retention.interval-minutes}. Several instances may run it at once: each batch
 * is idempotent, so they only share the work. Settings out of range stop the server at startup.
 * Each run logs and counts ({@code payhooks_retention_rows_total{kind}}) the rows it deleted or
 * redacted per kind, never their content.
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class.getName());
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ApplyRetention retention;

    @Inject
    PayhooksSettings settings;

    @Inject
    MetricRegistry registry;

    private RetentionPolicy policy;
    private final RepeatingWork loop = new RepeatingWork();

    @PostConstruct
    void start() {
        policy = settings.retention().policy();
        Duration interval = settings.retention().interval();
        if (!settings.retention().enabled()) {
            LOG.info("Retention job is off in this instance (payhooks.retention.enabled=false)");
            return;
        }
        loop.start(scheduler, this::run, FIRST_RUN_AFTER.toMinutes(), interval.toMinutes(), TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** One retention run; what a failed batch left is still due, so the next run takes it. */
    void run() {
        RepeatingWork.attempt(LOG, "Retention run failed; the next run goes on", () -> {
            long started = System.nanoTime();
            ApplyRetention.Report report = retention.apply(policy);
            count("notification", report.notificationsDeleted());
            count("notification_body_redacted", report.bodiesRedacted());
            count("transaction_contact_redacted", report.contactsRedacted());
            count("delivery_attempt", report.deliveryAttemptsDeleted());
            count("event", report.eventsDeleted());
            count("audit_entry", report.auditEntriesDeleted());
            LOG.info("Retention run in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + report);
        });
    }

    private void count(String kind, int rows) {
        registry.counter("payhooks_retention_rows", new Tag("kind", kind)).inc(rows);
    }
}
