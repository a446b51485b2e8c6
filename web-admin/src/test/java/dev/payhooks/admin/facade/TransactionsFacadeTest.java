package dev.payhooks.admin.facade;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.InMemoryFulfillments;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
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
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.refund.RefundStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's transaction pages, details and dashboard activity, over the domain's in-memory fakes. */
class TransactionsFacadeTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final InMemoryPaymentTransactions stored = new InMemoryPaymentTransactions();
    final InMemoryRefunds refunds = new InMemoryRefunds();
    final InMemoryFulfillments fulfillments = new InMemoryFulfillments();
    final AdminFacade facade = new AdminFacade();

    TransactionsFacadeTest() {
        InMemoryMerchants merchants = new InMemoryMerchants();
        merchants.add(Merchant.register("m-1", "Default merchant", "7qwnw4j2kmqvrb3", clock.instant()));
        merchants.add(Merchant.register("m-2", "Someone else", "8qwnw4j2kmqvrb3", clock.instant().plusSeconds(1)));
        InMemoryChannels channels = new InMemoryChannels();
        channels.add(Channel.open("c-1", "m-1", "jp", "Japan", "JPY", "JP", clock.instant()));
        channels.add(Channel.open("c-2", "m-1", "eu", "Europe", "EUR", "DE", clock.instant()));
        channels.add(Channel.open("c-3", "m-2", "other", "Not ours", "EUR", "DE", clock.instant()));
        AdminFacadeTest.signIn(facade, "alice", "VIEWER");
        facade.merchants = merchants;
        facade.transactions = stored;
        facade.refunds = refunds;
        facade.fulfillments = fulfillments;
        facade.channels = channels;
        facade.clock = clock;
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
    void pagesWalkEveryTransactionOnceNewestFirstAndOnlyTheMerchantsOwn() {
        for (int i = 0; i < 7; i++) {
            add("m-1", "t" + i, "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), clock.instant().plusSeconds(i));
        }
        add("m-2", "foreign", "other", ProviderId.ADYEN, Currency.of("EUR"), clock.instant());

        List<String> seen = new ArrayList<>();
        Optional<TransactionPage.Mark> after = Optional.empty();
        do {
            TransactionPage page = facade.transactions(TransactionFilter.none(), after, 3);
            page.rows().forEach(r -> seen.add(r.id()));
            after = page.next();
        } while (after.isPresent());

        assertEquals(List.of("t6", "t5", "t4", "t3", "t2", "t1", "t0"), seen);
    }

    @Test
    void filtersByChannelProviderStatusAndTime() {
        PaymentTransaction jp = add("m-1", "jp-1", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), clock.instant());
        authorize(jp, 1500, "np-111");
        add("m-1", "eu-1", "eu", ProviderId.ADYEN, Currency.of("EUR"), clock.instant().plusSeconds(60));
        add("m-1", "eu-2", "eu", ProviderId.WALLEY, Currency.of("EUR"), clock.instant().plusSeconds(120));

        assertEquals(List.of("jp-1"), ids(new TransactionFilter("jp", null, null, null, null)));
        assertEquals(List.of("eu-1"), ids(new TransactionFilter(null, "adyen", null, null, null)));
        assertEquals(List.of("jp-1"), ids(new TransactionFilter(null, null, "authorized", null, null)));
        assertEquals(List.of("eu-2", "eu-1", "jp-1"), ids(new TransactionFilter("", " ", "", null, null)), "blank is no filter");
        assertEquals(List.of("eu-1"), ids(new TransactionFilter(null, null, null, clock.instant().plusSeconds(60),
            clock.instant().plusSeconds(120))));

        TransactionRow row = facade.transactions(new TransactionFilter("jp", null, null, null, null), Optional.empty(), 10)
            .rows().get(0);
        assertEquals("1500", row.authorized());
        assertEquals("JPY", row.currency());
        assertEquals("np-111", row.providerReference());
        assertEquals("np-atobarai", row.provider());
    }

    @Test
    void badFiltersNameTheirField() {
        assertEquals("provider", assertThrows(InvalidField.class,
            () -> ids(new TransactionFilter(null, "paypal", null, null, null))).field());
        assertEquals("status", assertThrows(InvalidField.class,
            () -> ids(new TransactionFilter(null, null, "SHIPPED", null, null))).field());
        assertEquals("to", assertThrows(InvalidField.class,
            () -> ids(new TransactionFilter(null, null, null, clock.instant(), clock.instant()))).field());
    }

    @Test
    void detailsCarryTimelineReferencesRefundsAndFulfillments() {
        PaymentTransaction t = add("m-1", "jp-1", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), clock.instant());
        authorize(t, 1500, "np-111");
        Instant later = clock.instant().plus(Duration.ofHours(1));
        refunds.add(Refund.requestGranted(RefundId.of("r-1"), t.id(), "granted-1", Money.of(500, Currency.of("JPY")),
            List.of(RefundLine.of("l-1", "order-line-9", 2)), true, RefundStage.BEFORE_SHIPMENT, later));
        fulfillments.add(Fulfillment.record(FulfillmentId.of("f-1"), t.id(), new TrackingNumber("1234567890"), "50000", later));

        TransactionDetails details = facade.transaction("jp-1");

        assertEquals("AUTHORIZED", details.summary().status());
        assertEquals(1, details.timeline().size());
        TransactionDetails.TimelineEntry first = details.timeline().get(0);
        assertEquals("AUTHORIZE", first.operation());
        assertEquals("SUCCESS", first.result());
        assertEquals("1500", first.amount());
        assertEquals("np-111", first.providerReference());
        assertEquals("", first.message());
        assertEquals(List.of("np-111"), details.providerReferences().stream().map(TransactionDetails.ReferenceEntry::reference).toList());
        TransactionDetails.RefundEntry refund = details.refunds().get(0);
        assertEquals("GRANTED", refund.kind());
        assertEquals("500", refund.amount());
        assertTrue(refund.includesShipping());
        assertEquals(List.of("l-1 → order-line-9 × 2"), refund.lines());
        TransactionDetails.FulfillmentEntry fulfillment = details.fulfillments().get(0);
        assertEquals("1234567890", fulfillment.trackingNumber());
        assertEquals("50000", fulfillment.carrierCode());
        assertEquals("PENDING", fulfillment.status());
    }

    @Test
    void anotherMerchantsOrAMalformedIdIsNotFound() {
        add("m-2", "foreign", "other", ProviderId.ADYEN, Currency.of("EUR"), clock.instant());
        assertThrows(NotFound.class, () -> facade.transaction("foreign"));
        assertThrows(NotFound.class, () -> facade.transaction("../etc"));
        assertThrows(NotFound.class, () -> facade.transaction(null));
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

        TransactionActivity activity = facade.transactionActivity(14);

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
        assertEquals("days", assertThrows(InvalidField.class, () -> facade.transactionActivity(0)).field());
    }

    @Test
    void channelAndProviderChoicesAreTheMerchantsAndTheKnownProviders() {
        assertEquals(List.of("eu", "jp"), facade.channelOptions().stream().map(Option::value).toList());
        assertEquals(List.of("np-atobarai", "adyen", "walley", "annanow"),
            facade.providerOptions().stream().map(Option::value).toList());
    }

    private List<String> ids(TransactionFilter filter) {
        return facade.transactions(filter, Optional.empty(), 50).rows().stream().map(TransactionRow::id).toList();
    }
}
