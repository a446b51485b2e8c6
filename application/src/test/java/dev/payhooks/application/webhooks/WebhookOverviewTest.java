package dev.payhooks.application.webhooks;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryAttemptHistory;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookOverviewTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryAttemptHistory attempts = new InMemoryAttemptHistory();
    final WebhookOverview overview = new WebhookOverview(subscriptions, attempts, clock);

    void attempt(String subscription, Duration ago, boolean success) {
        attempts.add("m1", subscription, new AttemptHistory.Attempt("e", "ach.failed", 1, NOW.minus(ago), Duration.ofMillis(20),
            success, Optional.of(success ? 200 : 500), Optional.empty()));
    }

    @Test
    void theHealthCoversTheLast24HoursAndTheLatestAttemptsAreListedNewestFirst() {
        subscriptions.add(WebhookSubscription.create("s1", "m1", "Orders", HookUrl.parse("https://shop.example/h", true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, NOW));
        attempt("s1", Duration.ofHours(25), false);  // outside the window
        for (int i = 1; i <= 30; i++) {
            attempt("s1", Duration.ofMinutes(i), i > 2);
        }
        attempt("other", Duration.ofMinutes(1), true);

        WebhookOverview.Overview read = overview.of("m1", "s1");

        assertEquals(30, read.health().attempts());
        assertEquals(28, read.health().succeeded());
        assertEquals(Optional.of(NOW.minus(Duration.ofMinutes(2))), read.health().failingSince());
        assertEquals(WebhookOverview.LATEST, read.latest().size());
        assertEquals(NOW.minus(Duration.ofMinutes(1)), read.latest().get(0).startedAt());
        assertTrue(!read.health().sampled());
    }

    @Test
    void anotherMerchantsWebhookIsNotFound() {
        subscriptions.add(WebhookSubscription.create("s1", "m1", "Orders", HookUrl.parse("https://shop.example/h", true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, NOW));

        assertThrows(NotFound.class, () -> overview.of("m2", "s1"));
        assertThrows(NotFound.class, () -> overview.of("m1", "nope"));
    }
}
