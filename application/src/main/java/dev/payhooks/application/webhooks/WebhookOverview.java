package dev.payhooks.application.webhooks;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.WebhookHealth;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One webhook as its page shows it: its settings, its delivery health over the last 24 hours and
 * its latest attempts. Read-only: every staff member and API key of the merchant may read it; a
 * webhook of another merchant is {@link NotFound}.
 */
public record WebhookOverview(WebhookSubscriptions subscriptions, AttemptHistory attempts, Clock clock) {

    /** The window the health covers. */
    public static final int HOURS = 24;
    /** The most attempts one health reads; beyond it the figures are of the newest and say so. */
    public static final int SAMPLE_LIMIT = 20_000;
    /** How many of the latest attempts are listed. */
    public static final int LATEST = 20;

    /** What the page shows. */
    public record Overview(WebhookSubscription webhook, WebhookHealth health, List<AttemptHistory.Attempt> latest) {
        public Overview {
            latest = List.copyOf(latest);
        }
    }

    public Overview of(String merchantId, String subscriptionId) {
        WebhookSubscription webhook = subscriptions.byId(merchantId, subscriptionId)
            .orElseThrow(() -> new NotFound("webhook " + subscriptionId));
        Instant now = clock.instant();
        List<AttemptHistory.Attempt> window = attempts.of(merchantId, subscriptionId, now.minus(Duration.ofHours(HOURS)),
            SAMPLE_LIMIT + 1);
        boolean sampled = window.size() > SAMPLE_LIMIT;
        List<AttemptHistory.Attempt> read = sampled ? window.subList(0, SAMPLE_LIMIT) : window;
        return new Overview(webhook, WebhookHealth.of(read, now, HOURS, sampled), read.subList(0, Math.min(LATEST, read.size())));
    }
}
