package dev.payhooks.app.delivery;

import dev.payhooks.adapters.outbound.DeliveryRequests;
import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Answered;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Failed;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Outcome;
import dev.payhooks.adapters.outbound.RetryAfterHeader;
import dev.payhooks.adapters.outbound.SsrfGuard;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery engine's loop: every tick it claims due deliveries (other instances skip what
 * this one holds), sends each from a worker thread, and records the outcome. A subscription
 * never has more than {@code payhooks.delivery.per-endpoint-concurrency} attempts in flight, so
 * a slow endpoint occupies its own slots, not everyone's.
 */
@ManagedExecutorDefinition(name = "java:app/concurrent/payhooks-deliveries", maxAsync = 64)
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(90);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:app/concurrent/payhooks-deliveries")
    ManagedExecutorService workers;

    @Inject
    DeliveryService service;

    @Inject
    SsrfGuard guard;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "payhooks.delivery.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "payhooks.delivery.poll-millis", defaultValue = "250")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "payhooks.delivery.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "payhooks.delivery.per-endpoint-concurrency", defaultValue = "20")
    int perEndpoint;

    private final String worker = "payhooks-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final PinnedHttpTransport transport = PinnedHttpTransport.withDefaultTrust("Payhooks/0.1");
    private ScheduledFuture<?> loop;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Delivery engine is off (payhooks.delivery.enabled=false)");
            return;
        }
        loop = scheduler.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        LOG.info("Delivery engine " + worker + " started");
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    void tick() {
        try {
            List<DeliveryService.Claimed> claimed = service.claim(batchSize, worker, LEASE, Duration.ofMillis(pollMillis));
            for (DeliveryService.Claimed c : claimed) {
                Delivery delivery = c.delivery();
                Semaphore slots = inFlight.computeIfAbsent(delivery.subscriptionId(), id -> new Semaphore(perEndpoint));
                if (!slots.tryAcquire()) {
                    // the endpoint has all its slots busy: hand the row back rather than hold a thread waiting
                    service.postpone(delivery, Duration.ofSeconds(1));
                    continue;
                }
                Runnable send = () -> workers.submit(() -> {
                    try {
                        attempt(delivery);
                    } finally {
                        slots.release();
                    }
                });
                long delayNanos = Duration.between(clock.instant(), c.startAt()).toNanos();
                if (delayNanos > 0) {
                    // a rate-limited subscription's slot lies within this tick: start exactly then
                    scheduler.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
                } else {
                    send.run();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery tick failed; the next tick retries", e);
        }
    }

    private void attempt(Delivery claimed) {
        try {
            Optional<DeliveryService.Prepared> prepared = service.prepare(claimed);
            if (prepared.isEmpty()) {
                return;
            }
            DeliveryService.Prepared p = prepared.get();
            Instant started = clock.instant();
            int number = p.delivery().nextAttemptNumber();
            InetAddress address;
            try {
                address = guard.check(p.subscription().url().value());
            } catch (SsrfGuard.Refused refused) {
                metrics.attempt("error");
                service.failed(claimed, new DeliveryAttempt(number, started, Duration.ZERO, null, "BLOCKED_ADDRESS",
                    refused.getMessage(), false), AttemptFailure.noAnswer());
                return;
            }
            Outcome outcome = transport.post(DeliveryRequests.build(p.subscription().url().value(), address,
                p.subscription().delivery().timeout(), p.event().payloadJson(), p.event().id(), started, p.basic(), p.signingKeys()));
            if (outcome instanceof Answered answered) {
                String excerpt = new String(answered.bodyExcerpt(), StandardCharsets.UTF_8);
                DeliveryAttempt attempt = new DeliveryAttempt(number, started, answered.latency(), answered.status(), null, excerpt,
                    answered.success());
                if (answered.success()) {
                    service.succeeded(claimed, attempt);
                    metrics.attempt("success");
                    metrics.delivered(p.subscription().id(), Duration.between(p.event().createdAt(), clock.instant()));
                } else {
                    metrics.attempt("failure");
                    service.failed(claimed, attempt, AttemptFailure.status(answered.status(),
                        RetryAfterHeader.parse(answered.header("Retry-After"), clock.instant())));
                }
            } else {
                Failed failed = (Failed) outcome;
                metrics.attempt("error");
                service.failed(claimed, new DeliveryAttempt(number, started, failed.latency(), null, failed.error().name(),
                    failed.message(), false), AttemptFailure.noAnswer());
            }
        } catch (RuntimeException e) {
            // the claim runs out and another tick tries again; nothing is lost
            LOG.log(Level.WARNING, "Delivery " + claimed.id() + " could not be attempted", e);
        }
    }
}
