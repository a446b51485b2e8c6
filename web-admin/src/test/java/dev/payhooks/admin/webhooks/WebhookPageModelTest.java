package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.application.webhooks.WebhookOverview;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryAttemptHistory;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.RecordingEventLog;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookPageModelTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    final ConsoleFixture console = new ConsoleFixture(T0);
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryAttemptHistory attempts = new InMemoryAttemptHistory();
    final RecordingEventLog log = new RecordingEventLog();
    final WebhookPageModel model = new WebhookPageModel();

    WebhookPageModelTest() {
        console.withSignedIn(model);
        model.overviews = new WebhookOverview(subscriptions, attempts, console.clock);
        model.replays = new ReplayDeliveries(new InMemoryOutbox(), new InMemoryDeliveries(), log, subscriptions, null,
            console.clock, console.fourEyes());
        subscriptions.add(WebhookSubscription.create("s1", "m-1", "Orders", HookUrl.parse("https://shop.example/h", true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0));
        attempts.add("m-1", "s1", new AttemptHistory.Attempt("e", "ach.failed", 1, T0.minusSeconds(60), Duration.ofMillis(3),
            false, Optional.of(500), Optional.empty()));
    }

    @Test
    void aViewerReadsTheWebhooksPageButMayNotReplay() {
        console.signIn("vera", "VIEWER");

        assertEquals(1, model.overview("s1").health().attempts());
        assertThrows(NotAllowed.class, () -> model.replayDeadSince("s1", T0.minusSeconds(3600)));
        assertEquals(List.of(), log.asked(), "refused before anything was looked up");
    }

    @Test
    void theReplayAsksForTheWebhooksDeadLettersSinceTheTime() {
        console.signIn("dev", "DEVELOPER");

        assertEquals(0, model.replayDeadSince("s1", T0.minusSeconds(3600)).replayed());

        assertEquals(Optional.of("s1"), log.asked().get(0).subscriptionId());
        assertEquals(Optional.of(T0.minusSeconds(3600)), log.asked().get(0).from());
    }

    @Test
    void anotherMerchantsWebhookIsNotFound() {
        console.signIn("dev", "DEVELOPER");
        subscriptions.add(WebhookSubscription.create("s2", "m-2", "Theirs", HookUrl.parse("https://other.example/h", true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0));

        assertThrows(NotFound.class, () -> model.overview("s2"));
    }
}
