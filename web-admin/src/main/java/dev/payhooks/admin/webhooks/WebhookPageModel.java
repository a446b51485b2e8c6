package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.application.webhooks.WebhookOverview;
import dev.payhooks.domain.outbound.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * One webhook's page: its settings and state (through {@link WebhooksModel}, which also sends
 * tests and switches it on and off), its delivery health and latest attempts, and the replay of
 * its dead letters since a time. Each method runs in one transaction; the use cases decide who
 * may change what.
 */
@ApplicationScoped
@Transactional
public class WebhookPageModel extends ConsoleModel {

    @Inject
    WebhookOverview overviews;
    @Inject
    ReplayDeliveries replays;

    /** The webhook's settings, health and latest attempts; {@link dev.payhooks.domain.error.NotFound} for another merchant's. */
    public WebhookOverview.Overview overview(String id) {
        return overviews.of(signedIn.merchantId(), id);
    }

    /** How many of the webhook's dead letters since {@code since} a replay would send again: what the confirmation says. */
    public int deadSince(String id, Instant since) {
        return replays.countMatching(signedIn.merchantId(), deadSinceFilter(id, since));
    }

    /** Sends the webhook's dead letters since {@code since} again, or holds them for approval (four-eyes). */
    public ReplayDeliveries.BulkReplay replayDeadSince(String id, Instant since) {
        Caller caller = signedIn.caller();
        return NotAllowed.lookNotChange(() -> replays.replayMatching(caller, deadSinceFilter(id, since)));
    }

    /** The webhook's deliveries on events from {@code since} on, of any type; without a status a replay takes dead letters only. */
    private static EventLog.Filter deadSinceFilter(String id, Instant since) {
        return new EventLog.Filter(Optional.empty(), Optional.of(id), Optional.empty(), Optional.of(since), Optional.empty());
    }
}
