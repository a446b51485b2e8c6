package dev.payhooks.application.dashboard;

import dev.payhooks.domain.inbound.InMemoryInboundActivity;
import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.InMemoryAttemptHistory;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.RecordingEventLog;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardQueriesTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");

    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryAttemptHistory attempts = new InMemoryAttemptHistory();
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryInboundActivity inbound = new InMemoryInboundActivity();
    final RecordingEventLog log = new RecordingEventLog().answering("m1", List.of(
        Delivery.schedule("d1", new EventId("a".repeat(64)), "s1", "m1", NOW),
        Delivery.schedule("d2", new EventId("b".repeat(64)), "s1", "m1", NOW)));
    final DashboardQueries dashboard = new DashboardQueries(subscriptions, attempts, log, transactions, inbound, clock);

    void webhook(String id, boolean enabled) {
        WebhookSubscription s = WebhookSubscription.create(id, "m1", "Hook " + id, HookUrl.parse("https://shop.example/" + id, true),
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, NOW);
        if (!enabled) {
            s.disable("test", NOW);
        }
        subscriptions.add(s);
    }

    void attempt(String subscription, Duration ago, boolean success) {
        attempts.add("m1", subscription, new AttemptHistory.Attempt("e", "ach.failed", 1, NOW.minus(ago), Duration.ofMillis(5),
            success, Optional.of(success ? 200 : 500), Optional.empty()));
    }

    @Test
    void attentionCountsFailingWebhooksDeadLettersAndTransactionsWaitingTooLong() {
        webhook("ok", true);
        webhook("failing", true);
        webhook("off", false);
        attempt("ok", Duration.ofMinutes(5), false);
        attempt("ok", Duration.ofMinutes(1), true);
        attempt("failing", Duration.ofMinutes(2), false);
        attempt("off", Duration.ofMinutes(2), false);
        PaymentTransaction old = PaymentTransaction.initialize(TransactionId.of("t1"), "eu", ProviderId.ADYEN, "s-1",
            Currency.of("EUR"), NOW.minus(Duration.ofHours(2)));
        old.authorizationRequested(ProviderReport.of(Money.of(100, Currency.of("EUR")), NOW.minus(Duration.ofHours(2))));
        PaymentTransaction fresh = PaymentTransaction.initialize(TransactionId.of("t2"), "eu", ProviderId.ADYEN, "s-2",
            Currency.of("EUR"), NOW.minus(Duration.ofMinutes(10)));
        fresh.authorizationRequested(ProviderReport.of(Money.of(100, Currency.of("EUR")), NOW.minus(Duration.ofMinutes(10))));
        transactions.add("m1", old);
        transactions.add("m1", fresh);

        DashboardQueries.Attention attention = dashboard.attention("m1");

        assertEquals(1, attention.failingWebhooks(), "enabled and its latest attempt failed");
        assertEquals(new DashboardQueries.Count(2, false), attention.deadLetters());
        assertEquals(Optional.of(DeliveryStatus.DEAD), log.asked().get(0).status());
        assertEquals(Optional.of(NOW.minus(Duration.ofDays(7))), log.asked().get(0).from());
        assertEquals(new DashboardQueries.Count(1, false), attention.waiting().get(TransactionStatus.AUTHORIZATION_REQUESTED));
        assertEquals(new DashboardQueries.Count(0, false), attention.waiting().get(TransactionStatus.CHARGE_REQUESTED));
    }

    @Test
    void activityPerHourHasNotificationsByProviderAndAttemptsByOutcome() {
        inbound.add("m1", new InboundActivity.Arrival(ProviderId.ADYEN, NOW.minus(Duration.ofMinutes(10))));
        inbound.add("m1", new InboundActivity.Arrival(ProviderId.ADYEN, NOW.minus(Duration.ofMinutes(20))));
        inbound.add("m1", new InboundActivity.Arrival(ProviderId.WALLEY, NOW.minus(Duration.ofMinutes(70))));
        inbound.add("m1", new InboundActivity.Arrival(ProviderId.WALLEY, NOW.minus(Duration.ofHours(30))));
        inbound.add("m2", new InboundActivity.Arrival(ProviderId.ADYEN, NOW.minus(Duration.ofMinutes(10))));
        attempt("s1", Duration.ofMinutes(3), true);
        attempt("s2", Duration.ofMinutes(4), false);

        List<DashboardQueries.Hour> hours = dashboard.activity("m1");

        assertEquals(24, hours.size());
        DashboardQueries.Hour current = hours.get(23);
        assertEquals(Instant.parse("2026-12-06T12:00:00Z"), current.start());
        assertEquals(Map.of(ProviderId.ADYEN, 2), current.notifications());
        assertEquals(Map.of(ProviderId.WALLEY, 1), hours.get(22).notifications());
        assertEquals(1, current.attemptsSucceeded());
        assertEquals(1, current.attemptsFailed());
        assertEquals(3, hours.stream().mapToInt(h -> h.notifications().values().stream().mapToInt(Integer::intValue).sum()).sum());
    }
}
