package dev.payhooks.application.dashboard;

import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.WebhookHealth;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows a merchant's staff: what needs attention (failing webhooks, dead
 * letters, transactions waiting on the provider for too long) and activity per hour (provider
 * notifications by provider, webhook attempts by outcome). Counts only: the lists they stand for
 * sit behind the console's second factor. Read-only.
 */
public record DashboardQueries(WebhookSubscriptions subscriptions, AttemptHistory attempts, EventLog log,
                               PaymentTransactions transactions, InboundActivity inbound, Clock clock) {

    /** The window of the activity charts, in hours. */
    public static final int HOURS = 24;
    /** Dead letters are counted over this many days. */
    public static final int DEAD_LETTER_DAYS = 7;
    /** A transaction waiting on the provider longer than this needs attention. */
    public static final Duration WAITING_TOO_LONG = Duration.ofHours(1);
    /** The most rows one count or chart reads; beyond it the figure says "at least". */
    public static final int LIMIT = 1_000;
    /** The most rows one chart reads. */
    public static final int CHART_LIMIT = 20_000;

    /** The statuses in which a transaction waits for the provider or the shopper. */
    public static final List<TransactionStatus> WAITING = List.of(TransactionStatus.AUTHORIZATION_REQUESTED,
        TransactionStatus.CHARGE_REQUESTED, TransactionStatus.AUTHORIZATION_ACTION_REQUIRED,
        TransactionStatus.CHARGE_ACTION_REQUIRED);

    /** A count that stops at {@link #LIMIT}. */
    public record Count(int value, boolean atLeast) { }

    /**
     * @param failingWebhooks enabled webhooks whose latest attempt (within 24 h) failed
     * @param deadLetters     deliveries dead-lettered in the last {@link #DEAD_LETTER_DAYS} days
     * @param waiting         per waiting status, transactions in it created more than an hour ago
     */
    public record Attention(int failingWebhooks, Count deadLetters, Map<TransactionStatus, Count> waiting) { }

    /** One hour of activity. */
    public record Hour(Instant start, Map<ProviderId, Integer> notifications, int attemptsSucceeded, int attemptsFailed) { }

    public Attention attention(String merchantId) {
        Instant now = clock.instant();
        int failing = 0;
        for (WebhookSubscription webhook : subscriptions.ofMerchant(merchantId)) {
            if (webhook.enabled() && attempts.of(merchantId, webhook.id(), now.minus(Duration.ofHours(HOURS)), 1).stream()
                    .anyMatch(latest -> !latest.success())) {
                failing++;
            }
        }
        EventLog.Filter dead = new EventLog.Filter(Optional.empty(), Optional.empty(), Optional.of(DeliveryStatus.DEAD),
            Optional.of(now.minus(Duration.ofDays(DEAD_LETTER_DAYS))), Optional.empty());
        int deadLetters = log.deliveries(merchantId, dead, LIMIT).size();
        Map<TransactionStatus, Count> waiting = new EnumMap<>(TransactionStatus.class);
        for (TransactionStatus status : WAITING) {
            PaymentTransactions.Filter filter = new PaymentTransactions.Filter(Optional.empty(), Optional.empty(),
                Optional.of(status), Optional.empty(), Optional.of(now.minus(WAITING_TOO_LONG)));
            int found = transactions.search(merchantId, filter, Optional.empty(), LIMIT).items().size();
            waiting.put(status, new Count(found, found >= LIMIT));
        }
        return new Attention(failing, new Count(deadLetters, deadLetters >= LIMIT), waiting);
    }

    /** The last {@link #HOURS} hours, oldest first: notifications received per provider and webhook attempts by outcome. */
    public List<Hour> activity(String merchantId) {
        Instant now = clock.instant();
        Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1L, ChronoUnit.HOURS);
        WebhookHealth outbound = WebhookHealth.of(attempts.ofMerchant(merchantId, since, CHART_LIMIT), now, HOURS, false);
        List<Map<ProviderId, Integer>> received = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            received.add(new EnumMap<>(ProviderId.class));
        }
        for (InboundActivity.Arrival arrival : inbound.since(merchantId, since, CHART_LIMIT)) {
            int hour = (int) ChronoUnit.HOURS.between(since, arrival.receivedAt().truncatedTo(ChronoUnit.HOURS));
            if (hour >= 0 && hour < HOURS) {
                received.get(hour).merge(arrival.provider(), 1, Integer::sum);
            }
        }
        List<Hour> hours = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            WebhookHealth.Hour out = outbound.hours().get(i);
            hours.add(new Hour(out.start(), Map.copyOf(received.get(i)), out.succeeded(), out.failed()));
        }
        return hours;
    }
}
