package dev.payhooks.app.delivery;

import dev.payhooks.adapters.api.SafeErrors;
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
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import dev.payhooks.app.config.PayhooksSettings;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery engine's loop: its claimers ({@link ClaimLoop}) claim due deliveries (other
 * instances skip what this one holds) every {@code payhooks.delivery.poll-millis}, and at once
 * when a publish on this instance commits or a lane has room again while more is due
 * ({@link ClaimWakeup}); it sends each from a worker thread and records the outcome. A subscription
 * never has more than {@code payhooks.delivery.per-endpoint-concurrency} attempts in flight, so
 * a slow endpoint occupies its own slots, not everyone's; an endpoint that gives no answer at all
 * is probed one attempt at a time until it answers again ({@link LaneSlots}), so dead endpoints
 * hold one worker thread each for their timeout, not twenty.
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(90);
    /** Claims under way at once at most ({@link ClaimLoop}). */
    private static final int CLAIMERS = 3;
    /** Worker threads, started on demand and ended after a minute idle. */
    private static final int MAX_WORKERS = 128;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * Container threads (class loader, naming and transactions work on them) in a plain pool:
     * a managed executor captures and restores the submitter's context for every task, which
     * cost about a fifth of the engine's CPU per delivery (a class-path scan in each capture).
     */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService workers;
    /** Stores the workers' outcomes in batches, from one more container thread. */
    private ExecutorService recording;
    private AttemptRecorder recorder;

    @Inject
    DeliveryService service;

    @Inject
    SsrfGuard guard;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    ClaimWakeup wakeup;

    boolean enabled;
    long pollMillis;
    int batchSize;
    int perEndpoint;

    @Inject
    void settings(PayhooksSettings settings) {
        enabled = settings.delivery().enabled();
        pollMillis = settings.delivery().pollMillis();
        batchSize = settings.delivery().batchSize();
        perEndpoint = settings.delivery().perEndpointConcurrency();
    }

    private final String worker = "payhooks-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final PinnedHttpTransport transport = PinnedHttpTransport.withDefaultTrust("Payhooks/0.1");
    /** The claimer threads. */
    private ClaimLoop claims;

    /**
     * One subscription's deliveries in this instance: at most {@code perEndpoint} attempts in
     * flight (one while the endpoint does not answer, see {@link LaneSlots}), and a short queue of
     * claimed deliveries waiting for a free slot, twice the current limit (they stay claimed under
     * the lease meanwhile, so no other instance takes them). When the endpoint stops answering
     * and the limit drops, what waits beyond the smaller queue goes back to the outbox at once:
     * at one attempt per timeout it would otherwise outwait its lease and be claimed a second time.
     */
    private final class Lane {
        final LaneSlots slots = new LaneSlots(perEndpoint);
        final Queue<DeliveryService.Prepared> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();

        int capacity() {
            return slots.limit() * 2;
        }

        /** How many more claimed deliveries the queue takes. */
        int room() {
            return Math.max(0, capacity() - queued.get());
        }

        boolean full() {
            return queued.get() >= capacity();
        }

        boolean offer(DeliveryService.Prepared prepared) {
            if (queued.incrementAndGet() > capacity()) {
                queued.decrementAndGet();
                return false;
            }
            queue.add(prepared);
            pump();
            return true;
        }

        /** Hands back to the outbox what waits beyond the lane's current capacity (claims released, due in 1 s). */
        void shed() {
            while (queued.get() > capacity()) {
                DeliveryService.Prepared waiting = queue.poll();
                if (waiting == null) {
                    return;
                }
                queued.decrementAndGet();
                try {
                    service.postpone(waiting.delivery(), Duration.ofSeconds(1));
                } catch (RuntimeException e) {
                    // its claim runs out and a later tick takes it; nothing is lost
                    LOG.log(Level.WARNING, "Delivery " + waiting.delivery().id() + " could not be handed back", SafeErrors.loggable(e));
                }
            }
        }

        // every offer and every finished attempt pumps, so a queued delivery is never stranded
        void pump() {
            while (!queue.isEmpty() && slots.tryAcquire()) {
                DeliveryService.Prepared next = queue.poll();
                if (next == null) {
                    slots.giveBack();
                    continue;
                }
                queued.decrementAndGet();
                DeliveryService.Prepared p = next;
                Runnable send = () -> workers.submit(() -> {
                    boolean answered = true;
                    try {
                        answered = attempt(p);
                    } finally {
                        slots.release(answered);
                        if (!answered) {
                            shed();
                        }
                        pump();
                        if (claims.moreDue() && queued.get() <= capacity() / 2) {
                            wakeup.wake(); // half the queue is gone and more is due: refill at once, not at the next poll
                        }
                    }
                });
                long delayNanos = Duration.between(clock.instant(), p.startAt()).toNanos();
                if (delayNanos > 0) {
                    // a rate-limited subscription's slot lies within this tick: start exactly then
                    scheduler.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
                } else {
                    send.run();
                }
            }
        }
    }

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Delivery engine is off (payhooks.delivery.enabled=false)");
            return;
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            threads);
        pool.allowCoreThreadTimeOut(true);
        workers = pool;
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        writer.allowCoreThreadTimeOut(true);
        recording = writer;
        recorder = new AttemptRecorder(service, recording);
        claims = new ClaimLoop(wakeup, Duration.ofMillis(pollMillis), batchSize, this::room, this::claim);
        claims.start(threads, CLAIMERS);
        LOG.info("Delivery engine " + worker + " started");
    }

    @PreDestroy
    void stop() {
        if (claims != null) {
            claims.stop(); // the claimers end after the claims under way
        }
        if (workers != null) {
            workers.shutdownNow(); // attempts cut short keep their claims; the lease returns them to the outbox
        }
        if (recording != null) {
            recording.shutdown(); // the batch being written commits; outcomes not yet written are attempted again after the lease
        }
    }

    /** Free places in the lanes: each lane's room plus one lane's worth for subscriptions without a lane yet. */
    int room() {
        int room = perEndpoint;
        for (Lane lane : lanes.values()) {
            room += lane.room();
        }
        return room;
    }

    /**
     * Claims due deliveries and hands each to its subscription's lane, skipping subscriptions
     * whose lanes are full (a slow endpoint's backlog stays in the database, where other work can
     * pass it); returns how many it claimed. {@link ClaimLoop} sizes the claim to the lanes' room,
     * so little comes back only to be handed back.
     */
    int claim(int limit) {
        Set<String> full = new HashSet<>();
        lanes.forEach((id, lane) -> {
            if (lane.full()) {
                full.add(id);
            }
        });
        List<DeliveryService.Prepared> batch = service.claim(limit, worker, LEASE, Duration.ofMillis(pollMillis), full);
        for (DeliveryService.Prepared prepared : batch) {
            Lane lane = lanes.computeIfAbsent(prepared.subscription().id(), id -> new Lane());
            if (!lane.offer(prepared)) {
                // more came back for one endpoint than its lane holds: hand the rest back
                service.postpone(prepared.delivery(), Duration.ofSeconds(1));
            }
        }
        return batch.size();
    }

    /**
     * Sends one attempt and hands its outcome to the {@link AttemptRecorder}, which stores it with
     * others in one transaction; false when the endpoint gave no HTTP answer at all.
     * The event's correlation id is current meanwhile, goes out as {@code Payhooks-Correlation-Id}
     * and is recorded with the attempt.
     */
    private boolean attempt(DeliveryService.Prepared p) {
        try (Correlation.Unit unit = Correlation.open(p.event().correlationId())) {
            return attemptWithin(p);
        }
    }

    /** {@link #attempt} within the event's unit of work, so that its log lines carry the id too. */
    private boolean attemptWithin(DeliveryService.Prepared p) {
        Delivery claimed = p.delivery();
        Optional<CorrelationId> correlation = p.event().correlationId();
        CorrelationId sent = correlation.orElse(null);
        try {
            Instant started = clock.instant();
            int number = p.delivery().nextAttemptNumber();
            InetAddress address;
            try {
                address = guard.check(p.subscription().url().value());
            } catch (SsrfGuard.Refused refused) {
                metrics.attempt("error");
                recorder.add(service.failure(claimed, new DeliveryAttempt(number, started, Duration.ZERO, null, "BLOCKED_ADDRESS",
                    refused.getMessage(), false, sent), AttemptFailure.noAnswer()));
                return true;
            }
            Outcome outcome = transport.post(DeliveryRequests.build(p.subscription().url().value(), address,
                p.subscription().delivery().timeout(), p.event().payloadJson(), p.event().id(), started, p.basic(), p.signingKeys(), correlation));
            if (outcome instanceof Answered answered) {
                String excerpt = new String(answered.bodyExcerpt(), StandardCharsets.UTF_8);
                DeliveryAttempt attempt = new DeliveryAttempt(number, started, answered.latency(), answered.status(), null, excerpt,
                    answered.success(), sent);
                if (answered.success()) {
                    recorder.add(service.success(claimed, attempt));
                    metrics.attempt("success");
                    metrics.delivered(p.subscription().id(), Duration.between(p.event().createdAt(), clock.instant()));
                } else {
                    metrics.attempt("failure");
                    recorder.add(service.failure(claimed, attempt, AttemptFailure.status(answered.status(),
                        RetryAfterHeader.parse(answered.header("Retry-After"), clock.instant()))));
                }
            } else {
                Failed failed = (Failed) outcome;
                metrics.attempt("error");
                recorder.add(service.failure(claimed, new DeliveryAttempt(number, started, failed.latency(), null,
                    failed.error().name(), failed.message(), false, sent), AttemptFailure.noAnswer()));
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            // the claim runs out and another tick tries again; nothing is lost
            LOG.log(Level.WARNING, "Delivery " + claimed.id() + " could not be attempted", SafeErrors.loggable(e));
            return true;
        }
    }
}
