package dev.payhooks.admin.dashboard;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.application.transactions.TransactionQueries;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.fulfillment.InMemoryFulfillments;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.refund.InMemoryRefunds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dashboard's transaction activity per UTC day, over the domain's in-memory fakes. */
class DashboardModelTest {

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final SteppingClock clock = console.clock;
    final InMemoryPaymentTransactions stored = new InMemoryPaymentTransactions();
    final DashboardModel model = new DashboardModel();

    DashboardModelTest() {
        console.merchants.add(Merchant.register("m-2", "Someone else", "8qwnw4j2kmqvrb3", clock.instant().plusSeconds(1)));
        console.signIn("alice", "VIEWER");
        console.withSignedIn(model);
        model.transactions = new TransactionQueries(stored, new InMemoryRefunds(), new InMemoryFulfillments(),
            new dev.payhooks.domain.reconciliation.InMemoryReconciliations(stored), clock);
    }

    PaymentTransaction add(String merchant, String id, String channel, ProviderId provider, Currency currency, Instant at) {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of(id), channel, provider, "order-" + id, currency, at);
        stored.add(merchant, t);
        return stored.byId(merchant, t.id()).orElseThrow();
    }

    void authorize(PaymentTransaction t, long minor, String reference) {
        t.authorizationSucceeded(ProviderReport.of(Money.of(minor, t.currency()), t.createdAt().plusSeconds(5))
            .withProviderReference(reference));
        stored.update(t);
    }

    void fail(PaymentTransaction t) {
        t.authorizationFailed(ProviderReport.of(Money.of(100, t.currency()), t.createdAt().plusSeconds(5))
            .withMessage("declined"));
        stored.update(t);
    }

    @Test
    void activityCountsPerUtcDayWithSuccessOutOfDecided() {
        Instant today = clock.instant();
        Instant yesterday = today.minus(Duration.ofDays(1));
        authorize(add("m-1", "a", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), today), 1000, "np-a");
        authorize(add("m-1", "b", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), today.plusSeconds(1)), 1000, "np-b");
        fail(add("m-1", "c", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), today.plusSeconds(2)));
        add("m-1", "d", "eu", ProviderId.ADYEN, Currency.of("EUR"), today.plusSeconds(3)); // still NEW: undecided
        fail(add("m-1", "e", "eu", ProviderId.ADYEN, Currency.of("EUR"), yesterday));
        add("m-1", "old", "eu", ProviderId.ADYEN, Currency.of("EUR"), today.minus(Duration.ofDays(20)));
        add("m-2", "foreign", "other", ProviderId.ADYEN, Currency.of("EUR"), today);

        TransactionActivity activity = model.transactionActivity(14);

        assertEquals(14, activity.days().size());
        assertEquals(LocalDate.parse("2026-11-10"), activity.days().get(0).day());
        DailyActivity last = activity.days().get(13);
        assertEquals(LocalDate.parse("2026-11-23"), last.day());
        assertEquals(new DailyActivity(LocalDate.parse("2026-11-23"), 4, 2, 1), last);
        assertEquals(2.0 / 3, last.successRate().getAsDouble(), 1e-9);
        assertEquals(new DailyActivity(LocalDate.parse("2026-11-22"), 1, 0, 1), activity.days().get(12));
        assertEquals(0.0, activity.days().get(12).successRate().getAsDouble());
        assertFalse(activity.days().get(0).successRate().isPresent());
        assertEquals(5, activity.days().stream().mapToInt(DailyActivity::created).sum());
    }

    @Test
    void activityWindowIsChecked() {
        assertEquals("days", assertThrows(InvalidField.class, () -> model.transactionActivity(0)).field());
    }
}
