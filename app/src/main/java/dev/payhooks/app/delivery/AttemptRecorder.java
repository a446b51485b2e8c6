package dev.payhooks.app.delivery;

import dev.payhooks.adapters.api.SafeErrors;
import dev.payhooks.app.delivery.DeliveryService.Attempted;
import dev.payhooks.app.delivery.DeliveryService.Failing;
import dev.payhooks.app.delivery.DeliveryService.Recorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores attempt outcomes in batches: workers hand over each outcome and go on with the next
 * attempt; one writer at a time takes everything waiting (up to {@link #MAX_BATCH}) and stores it
 * in one transaction ({@link DeliveryService#record}). While a batch is written the next one
 * gathers, so batches grow with the load and add no waiting when it is light.
 *
 * <p>At-least-once: an outcome is only in memory until its batch commits. If the process dies
 * before that, or the batch fails, the delivery keeps its claim until the lease runs out and is
 * then attempted again (a redelivery, never a loss).
 */
final class AttemptRecorder {

    private static final Logger LOG = Logger.getLogger(AttemptRecorder.class.getName());
    static final int MAX_BATCH = 500;

    private final DeliveryService service;
    private final Executor writer;
    private final Queue<Attempted> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    /** {@code writer} runs the writing task (a container thread: it opens transactions). */
    AttemptRecorder(DeliveryService service, Executor writer) {
        this.service = service;
        this.writer = writer;
    }

    /** Hands over an outcome; it is stored with the next batch. */
    void add(Attempted attempted) {
        waiting.add(attempted);
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RuntimeException e) {
                writing.set(false); // the writer is shut down: this outcome waits for its lease like any unwritten one
                throw e;
            }
        }
    }

    private void drain() {
        try {
            drainWhileWaiting();
        } catch (RuntimeException | Error e) {
            writing.set(false); // the next add starts a writer again
            throw e;
        }
    }

    private void drainWhileWaiting() {
        while (true) {
            List<Attempted> batch = new ArrayList<>();
            for (Attempted next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                write(batch);
                continue;
            }
            writing.set(false);
            // an outcome added after the last poll and before the flag dropped would otherwise wait for the next add
            if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void write(List<Attempted> batch) {
        Recorded recorded;
        try {
            recorded = service.record(batch);
        } catch (RuntimeException e) {
            // their claims run out and later ticks attempt them again; nothing is lost
            LOG.log(Level.WARNING, batch.size() + " attempt outcome(s) could not be stored; their deliveries are retried after the lease",
                SafeErrors.loggable(e));
            return;
        }
        for (Attempted a : recorded.changedMeanwhile()) {
            try {
                if (a.success()) {
                    service.succeeded(a.delivery(), a.attempt());
                } else {
                    service.failed(a.delivery(), a.attempt(), a.failure());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery " + a.delivery().id() + " changed while it was attempted; its attempt could not be recorded",
                    SafeErrors.loggable(e));
            }
        }
        for (Failing failing : recorded.failing()) {
            try {
                service.disableIfFailing(failing);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Subscription " + failing.subscriptionId() + " could not be checked for auto-disable",
                    SafeErrors.loggable(e));
            }
        }
    }
}
