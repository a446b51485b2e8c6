package dev.payhooks.app.delivery;

import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Duration;

/**
 * The delivery engine at {@code /metrics}: outbox depth and dead letters (counted in the
 * database, so every instance reports the same), attempts by outcome, and the time from
 * publication to a successful delivery, per subscription.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    Deliveries deliveries;

    @Inject
    MetricRegistry registry;

    @Gauge(name = "payhooks_deliveries_pending", unit = MetricUnits.NONE, absolute = true,
        description = "Deliveries waiting for their next attempt (the outbox depth)")
    public long pending() {
        return deliveries.count(DeliveryStatus.PENDING);
    }

    @Gauge(name = "payhooks_deliveries_dead", unit = MetricUnits.NONE, absolute = true,
        description = "Deliveries given up (dead letters), replayable")
    public long dead() {
        return deliveries.count(DeliveryStatus.DEAD);
    }

    /** outcome: success, failure (an answer other than 2xx), error (no answer: timeout, refused, TLS, blocked). */
    void attempt(String outcome) {
        registry.counter("payhooks_delivery_attempts", new Tag("outcome", outcome)).inc();
    }

    void delivered(String subscriptionId, Duration sincePublished) {
        registry.timer("payhooks_publish_to_delivery", new Tag("subscription", subscriptionId)).update(sincePublished);
    }
}
