package dev.payhooks.admin.transactions;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.Option;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.transactions.TransactionQueries;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.InMemoryFulfillments;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.reconciliation.InMemoryReconciliations;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.application.reconciliation.ResolveReconciliation;
import dev.payhooks.domain.refund.InMemoryRefunds;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.refund.RefundStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactions view's pages and details, over the domain's in-memory fakes. */
class TransactionsModelTest {

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final SteppingClock clock = console.clock;
    final InMemoryPaymentTransactions stored = new InMemoryPaymentTransactions();
    final InMemoryRefunds refunds = new InMemoryRefunds();
    final InMemoryFulfillments fulfillments = new InMemoryFulfillments();
    final InMemoryReconciliations reconciliations = new InMemoryReconciliations(stored);
    final TransactionsModel model = new TransactionsModel();

    TransactionsModelTest() {
        console.merchants.add(Merchant.register("m-2", "Someone else", "8qwnw4j2kmqvrb3", clock.instant().plusSeconds(1)));
        InMemoryChannels channels = new InMemoryChannels();
        channels.add(Channel.open("c-1", "m-1", "jp", "Japan", "JPY", "JP", clock.instant()));
        channels.add(Channel.open("c-2", "m-1", "eu", "Europe", "EUR", "DE", clock.instant()));
        channels.add(Channel.open("c-3", "m-2", "other", "Not ours", "EUR", "DE", clock.instant()));
        console.signIn("alice", "VIEWER");
        console.withSignedIn(model);
        model.queries = new TransactionQueries(stored, refunds, fulfillments, reconciliations, clock);
        model.resolver = new ResolveReconciliation(reconciliations, console.recorder, clock);
        model.channels = new ManageChannels(channels, null, null, clock, console.recorder, (provider, field, url) -> { });
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
            TransactionPage page = model.transactions(TransactionFilter.none(), after, 3);
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

        TransactionRow row = model.transactions(new TransactionFilter("jp", null, null, null, null), Optional.empty(), 10)
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

        TransactionDetails details = model.transaction("jp-1");

        assertEquals("AUTHORIZED", details.summary().status());
        assertEquals(1, details.timeline().size());
        TransactionDetails.TimelineEntry first = details.timeline().get(0);
        assertEquals("AUTHORIZE", first.operation());
        assertEquals("SUCCESS", first.result());
        assertEquals("1500", first.amount());
        assertEquals("np-111", first.providerReference());
        assertEquals("", first.message());
        assertEquals("", first.reasonCode());
        assertEquals("", first.reasonDescription());
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
    void theTimelineShowsAProvidersReasonCodeAndDescription() {
        PaymentTransaction t = add("m-1", "se-1", "eu", ProviderId.WALLEY, Currency.of("EUR"), clock.instant());
        t.authorizationFailed(ProviderReport.of(Money.of(100, t.currency()), t.createdAt().plusSeconds(5))
            .withReason(new FailureReason("PAYMENT_METHOD_EXPIRED", "The payment method has expired")));
        stored.update(t);

        TransactionDetails.TimelineEntry failed = model.transaction("se-1").timeline().get(0);

        assertEquals("PAYMENT_METHOD_EXPIRED", failed.reasonCode());
        assertEquals("The payment method has expired", failed.reasonDescription());
    }

    @Test
    void theCardAndProductsShowToEveryoneAndTheContactInClearOnlyToStaffWhoMayChange() {
        PaymentTransaction t = add("m-1", "an-1", "eu", ProviderId.ANNANOW, Currency.of("EUR"), clock.instant());
        t.describe(new PaymentDetails(Optional.of(new PaymentDetails.PaymentMethod("VISA", "424242******4242", "27-08", "apple-pay")),
            List.of(new PaymentDetails.LineItem("Tea", 1250L, 2L, "tea-1", "7.7"), new PaymentDetails.LineItem("Cup", null, null, null, null)),
            Optional.of(new PaymentDetails.Contact(java.util.Map.of("firstname", "Anna", "email", "anna@example.test")))));
        authorize(t, 2500, "77");

        TransactionDetails viewed = model.transaction("an-1");

        assertEquals("VISA · 424242******4242 · expires 27-08 · via apple-pay", viewed.paymentMethod());
        assertEquals(List.of("2 × Tea (tea-1) at 12.50 EUR VAT 7.7 %", "Cup"), viewed.lineItems());
        assertEquals(List.of("firstname: [redacted]", "email: [redacted]"), viewed.contact(), "a viewer only looks");

        console.signIn("alice", "DEVELOPER");
        assertEquals(List.of("firstname: Anna", "email: anna@example.test"), model.transaction("an-1").contact());

        TransactionDetails plain = model.transaction(add("m-1", "np-2", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"),
            clock.instant()).id().value());
        assertEquals("", plain.paymentMethod());
        assertEquals(List.of(), plain.lineItems());
        assertEquals(List.of(), plain.contact());
    }

    @Test
    void anotherMerchantsOrAMalformedIdIsNotFound() {
        add("m-2", "foreign", "other", ProviderId.ADYEN, Currency.of("EUR"), clock.instant());
        assertThrows(NotFound.class, () -> model.transaction("foreign"));
        assertThrows(NotFound.class, () -> model.transaction("../etc"));
        assertThrows(NotFound.class, () -> model.transaction(null));
    }

    @Test
    void channelAndProviderChoicesAreTheMerchantsAndTheKnownProviders() {
        assertEquals(List.of("eu", "jp"), model.channelOptions().stream().map(Option::value).toList());
        assertEquals(List.of("np-atobarai", "adyen", "walley", "annanow"),
            model.providerOptions().stream().map(Option::value).toList());
    }

    @Test
    void flaggedTransactionsAreFilteredShowWhyAndOnlyStaffWhoMayChangeMarkThemResolved() {
        add("m-1", "np-1", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), clock.instant());
        PaymentTransaction held = add("m-1", "np-2", "jp", ProviderId.NP_ATOBARAI, Currency.of("JPY"), clock.instant());
        held.chargeActionRequired(ProviderReport.of(Money.of(3000, Currency.of("JPY")), clock.instant()));
        stored.update(held);
        reconciliations.start(clock.instant(), clock.instant(), 10);
        Reconciliation flag = reconciliations.of("m-1", held.id()).orElseThrow();
        flag.stillUnknown("Credit check on hold: RE009", clock.instant(),
            new ReconciliationPolicy(java.time.Duration.ofMinutes(1), 1, java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(1), 10));
        reconciliations.update(flag);

        assertEquals(List.of("np-2"), ids(TransactionFilter.none().withNeedsAttention()));
        assertEquals(1, model.needingAttention());
        TransactionDetails.ReconciliationEntry shown = model.transaction("np-2").reconciliation();
        assertTrue(shown.needsAttention());
        assertEquals("Outcome still unknown after 1 check: Credit check on hold: RE009", shown.reason());
        assertEquals(null, model.transaction("np-1").reconciliation());

        assertThrows(NotPermitted.class, () -> model.resolve("np-2", "called NP", shown.version()), "a viewer only looks");
        console.signIn("alice", "DEVELOPER");
        model.resolve("np-2", "called NP", model.transaction("np-2").reconciliation().version());

        assertEquals("RESOLVED", model.transaction("np-2").reconciliation().state());
        assertEquals("alice", model.transaction("np-2").reconciliation().resolvedBy());
        assertEquals(List.of(), ids(TransactionFilter.none().withNeedsAttention()));
    }

    @Test
    void aTransactionFlaggedForASaleorReportIsListedWithWhyAndResolvable() {
        PaymentTransaction charged = add("m-1", "adyen-1", "eu", ProviderId.ADYEN, Currency.of("EUR"), clock.instant());
        reconciliations.add(Reconciliation.flagged("m-1", charged.id(), "The Saleor report could not be delivered "
            + "(CHARGE_SUCCESS 24.00, pspReference CAP1) after 6 tries by the reconciliation: HTTP 503", clock.instant()));

        assertEquals(List.of("adyen-1"), ids(TransactionFilter.none().withNeedsAttention()));
        assertEquals(1, model.needingAttention());
        TransactionDetails.ReconciliationEntry shown = model.transaction("adyen-1").reconciliation();
        assertTrue(shown.needsAttention());
        assertEquals(0, shown.attempts(), "no outcome was checked");
        assertTrue(shown.reason().startsWith("The Saleor report could not be delivered"), shown.reason());
        console.signIn("alice", "ADMINISTRATOR");
        model.resolve("adyen-1", "reported in Saleor's dashboard", shown.version());
        assertEquals(List.of(), ids(TransactionFilter.none().withNeedsAttention()));
    }

    private List<String> ids(TransactionFilter filter) {
        return model.transactions(filter, Optional.empty(), 50).rows().stream().map(TransactionRow::id).toList();
    }
}
