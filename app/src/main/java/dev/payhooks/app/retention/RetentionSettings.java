package dev.payhooks.app.retention;

import dev.payhooks.application.retention.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The {@code payhooks.retention.*} settings (each also an environment variable, e.g.
 * {@code PAYHOOKS_RETENTION_NOTIFICATION_DAYS}), read once. A period of 0 days keeps that kind of
 * record for ever. docs/RETENTION.md explains each default.
 */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "payhooks.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "payhooks.retention.notification-days", defaultValue = "90")
    long notificationDays;

    @Inject
    @ConfigProperty(name = "payhooks.retention.redact-after-days", defaultValue = "30")
    long redactAfterDays;

    @Inject
    @ConfigProperty(name = "payhooks.retention.delivery-attempt-days", defaultValue = "30")
    long deliveryAttemptDays;

    @Inject
    @ConfigProperty(name = "payhooks.retention.event-days", defaultValue = "180")
    long eventDays;

    @Inject
    @ConfigProperty(name = "payhooks.retention.audit-days", defaultValue = "400")
    long auditDays;

    @Inject
    @ConfigProperty(name = "payhooks.retention.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "payhooks.retention.max-batches-per-run", defaultValue = "200")
    int maxBatchesPerRun;

    @Inject
    @ConfigProperty(name = "payhooks.retention.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    /** Whether this instance runs the retention job. */
    public boolean enabled() {
        return enabled;
    }

    /** The policy; throws {@link IllegalArgumentException} naming the setting that is out of range. */
    public RetentionPolicy policy() {
        return new RetentionPolicy(RetentionPolicy.days(notificationDays), RetentionPolicy.days(redactAfterDays),
            RetentionPolicy.days(deliveryAttemptDays), RetentionPolicy.days(eventDays), RetentionPolicy.days(auditDays),
            batchSize, maxBatchesPerRun);
    }

    public Duration interval() {
        if (intervalMinutes < 1) {
            throw new IllegalArgumentException("payhooks.retention.interval-minutes must be at least 1 (was " + intervalMinutes + ")");
        }
        return Duration.ofMinutes(intervalMinutes);
    }
}
