package dev.payhooks.app.delivery;

import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;

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
        attempts.computeIfAbsent(outcome, o -> registry.counter("payhooks_delivery_attempts", new Tag("outcome", o))).inc();
    }

    // the registry builds a metric object on every lookup, even of one it holds: look each up once
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, Histogram> publishToDelivery = new ConcurrentHashMap<>();

    /**
     * A histogram in milliseconds, the unit in its name. Not a timer: Payara 6 exports a
     * timer's quantiles in nanoseconds under its {@code _seconds} name (its sum and max in
     * seconds), so p50 of a 0.3 s delivery read 3.0E8; a histogram's values go out as
     * recorded.
     */
    private static final Metadata PUBLISH_TO_DELIVERY = Metadata.builder().withName("payhooks_publish_to_delivery_milliseconds")
        .withUnit(MetricUnits.NONE)
        .withDescription("Milliseconds from an event's publication to its successful delivery, per subscription").build();

    void delivered(String subscriptionId, Duration sincePublished) {
        publishToDelivery.computeIfAbsent(subscriptionId, id -> registry.histogram(PUBLISH_TO_DELIVERY, new Tag("subscription", id)))
            .update(Math.max(0, sincePublished.toMillis()));
    }
}
