package dev.payhooks.app.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimWakeupTest {

    @Test
    void aWakeBeforeTheWaitEndsItAtOnceAndWakesFoldIntoOne() throws Exception {
        ClaimWakeup wakeup = new ClaimWakeup();
        wakeup.wake();
        wakeup.wake();
        wakeup.wake();
        assertTrue(wakeup.await(Duration.ofMinutes(1)));
        assertFalse(wakeup.await(Duration.ofMillis(1)), "three wakes while busy are one claim, not three");
    }

    @Test
    void withoutAWakeTheWaitLastsUntilThePollInterval() throws Exception {
        assertFalse(new ClaimWakeup().await(Duration.ofMillis(20)));
    }

    @Test
    void aWakeFromAnotherThreadEndsAWaitUnderWay() throws Exception {
        ClaimWakeup wakeup = new ClaimWakeup();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return wakeup.await(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        wakeup.wake();
        assertTrue(waiting.get(30, TimeUnit.SECONDS));
    }
}
