package dev.payhooks.app.delivery;

import dev.payhooks.app.delivery.DeliveryService.Attempted;
import dev.payhooks.app.delivery.DeliveryService.Failing;
import dev.payhooks.app.delivery.DeliveryService.Recorded;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttemptRecorderTest {

    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    /** The transactional steps, as calls: batches stored, one-by-one fallbacks, auto-disable checks. */
    static class Steps extends DeliveryService {
        final List<List<Attempted>> batches = new CopyOnWriteArrayList<>();
        final List<String> oneByOne = new CopyOnWriteArrayList<>();
        final List<Failing> checked = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean failNextBatch;
        volatile String changedMeanwhile;

        @Override
        public Recorded record(List<Attempted> batch) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failNextBatch) {
                failNextBatch = false;
                throw new IllegalStateException("database down");
            }
            batches.add(List.copyOf(batch));
            List<Attempted> again = batch.stream().filter(a -> a.delivery().id().equals(changedMeanwhile)).toList();
            List<Failing> failing = batch.stream().filter(a -> a.failure() != null)
                .map(a -> new Failing("m1", a.delivery().subscriptionId(), Optional.empty())).distinct().toList();
            return new Recorded(again, failing);
        }

        @Override
        public void succeeded(Delivery claimed, DeliveryAttempt attempt) {
            oneByOne.add("succeeded " + claimed.id());
        }

        @Override
        public RetryPolicy.Decision failed(Delivery claimed, DeliveryAttempt attempt, AttemptFailure failure) {
            oneByOne.add("failed " + claimed.id());
            return null;
        }

        @Override
        public void disableIfFailing(Failing failing) {
            checked.add(failing);
        }
    }

    static Attempted success(String id) {
        Delivery d = Delivery.schedule(id, new EventId("a".repeat(64)), "s1", "m1", T0);
        DeliveryAttempt attempt = new DeliveryAttempt(1, T0, Duration.ofMillis(5), 204, null, null, true);
        d.succeeded(attempt);
        return new Attempted(d, attempt, null, null);
    }

    static Attempted failure(String id, String subscription) {
        Delivery d = Delivery.schedule(id, new EventId("b".repeat(64)), subscription, "m1", T0);
        DeliveryAttempt attempt = new DeliveryAttempt(1, T0, Duration.ofMillis(5), 500, null, null, false);
        AttemptFailure failure = AttemptFailure.status(500, Optional.empty());
        return new Attempted(d, attempt, failure, d.failed(attempt, failure, RetryPolicy.standard(), () -> 0.5));
    }

    @Test
    void outcomesHandedOverWhileABatchIsWrittenGoTogetherInTheNext() throws Exception {
        Steps steps = new Steps();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            AttemptRecorder recorder = new AttemptRecorder(steps, writer);
            steps.gate = new CountDownLatch(1);
            recorder.add(success("first"));
            Thread.sleep(100); // the writer holds "first" and waits at the gate
            for (int i = 0; i < 50; i++) {
                recorder.add(success("d" + i));
            }
            steps.gate.countDown();
            writer.shutdown();
            assertTrue(writer.awaitTermination(5, TimeUnit.SECONDS));

            assertEquals(2, steps.batches.size(), "one batch for the first, one for the 50 that came meanwhile");
            assertEquals(1, steps.batches.get(0).size());
            assertEquals(50, steps.batches.get(1).size());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void changedDeliveriesAreRecordedOneByOneAndFailingSubscriptionsChecked() throws Exception {
        Steps steps = new Steps();
        steps.changedMeanwhile = "moved";
        AttemptRecorder recorder = new AttemptRecorder(steps, Runnable::run);

        recorder.add(success("moved"));
        recorder.add(failure("f1", "s2"));

        assertEquals(List.of("succeeded moved"), steps.oneByOne);
        assertEquals(List.of(new Failing("m1", "s2", Optional.empty())), steps.checked);
    }

    @Test
    void aBatchThatCannotBeStoredIsLeftToTheLeaseAndLaterBatchesGoOn() {
        Steps steps = new Steps();
        steps.failNextBatch = true;
        AttemptRecorder recorder = new AttemptRecorder(steps, Runnable::run);

        recorder.add(success("lost-for-now"));
        recorder.add(success("stored"));

        assertEquals(List.of(List.of("stored")), steps.batches.stream().map(b -> b.stream().map(a -> a.delivery().id()).toList()).toList());
        List<String> nothingOneByOne = new ArrayList<>(steps.oneByOne);
        assertEquals(List.of(), nothingOneByOne, "the lost one is not recorded from memory: its claim runs out and it is attempted again");
    }
}
