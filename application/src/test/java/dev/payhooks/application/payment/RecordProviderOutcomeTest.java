package dev.payhooks.application.payment;

import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Command;
import dev.payhooks.application.payment.RecordProviderOutcome.Known;
import dev.payhooks.application.payment.RecordProviderOutcome.NewPayment;
import dev.payhooks.application.payment.RecordProviderOutcome.NoEffect;
import dev.payhooks.application.payment.RecordProviderOutcome.Recorded;
import dev.payhooks.application.payment.RecordProviderOutcome.Referenced;
import dev.payhooks.application.payment.RecordProviderOutcome.Step;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.provider.TransactionTarget;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordProviderOutcomeTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Money JPY_1000 = Money.of(1000, Currency.JPY);

    final SteppingClock clock = new SteppingClock(T0);
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final Merchant merchant = Merchant.register("m-1", "Shop", "shop00000000001", T0);
    final RecordProviderOutcome record;

    RecordProviderOutcomeTest() {
        SequentialIds ids = new SequentialIds();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        record = new RecordProviderOutcome(transactions, new TransactionNotices(queue, EventIdGenerator.secureRandom(), clock),
            ids, clock);
    }

    Command chargeOf(TransactionId id, Money amount, String eventKey) {
        return new Command(merchant, ProviderId.NP_ATOBARAI,
            new Known(id, Optional.of(new NewPayment("jp", "saleor-1", Currency.JPY))),
            transaction -> Changes.of(t -> t.chargeSucceeded(ProviderReport.of(amount, clock.instant())
                .withProviderReference("np-1").withEventKey(eventKey))),
            "CHARGE_SUCCESS");
    }

    List<OutboundEvent> published() {
        return outbox.after(OutboxPosition.START, 100);
    }

    @Test
    void aFirstOutcomeCreatesTheTransactionAppliesItAndPublishesInOneGo() {
        TransactionId id = TransactionId.of("tx-1");

        Recorded recorded = assertInstanceOf(Recorded.class, record.record(chargeOf(id, JPY_1000, "k1")));

        assertTrue(recorded.created());
        PaymentTransaction saved = transactions.byId("m-1", id).orElseThrow();
        assertEquals(TransactionStatus.CHARGED, saved.status());
        assertEquals(JPY_1000, saved.charged());
        assertEquals(recorded.eventsPerStep().get(0).size(), published().size());
        assertTrue(published().stream().allMatch(event -> event.eventType().equals("transaction.sale.success")),
            published().toString());
    }

    @Test
    void theSameOutcomeAgainChangesNothingAndPublishesNothing() {
        TransactionId id = TransactionId.of("tx-1");
        record.record(chargeOf(id, JPY_1000, "k1"));
        int before = published().size();

        NoEffect again = assertInstanceOf(NoEffect.class, record.record(chargeOf(id, JPY_1000, "k1")));

        assertEquals(Optional.of(id), again.transaction());
        assertTrue(again.reason().startsWith("already recorded"), again.reason());
        assertEquals(before, published().size());
    }

    @Test
    void anOutcomeTheAggregateRefusesSavesNothing() {
        TransactionId id = TransactionId.of("tx-1");
        record.record(chargeOf(id, JPY_1000, "k1"));
        int before = published().size();
        Command overRefund = new Command(merchant, ProviderId.NP_ATOBARAI, new Known(id, Optional.empty()),
            transaction -> Changes.of(t -> t.refundSucceeded(ProviderReport.of(Money.of(5000, Currency.JPY), clock.instant()))),
            "REFUND_SUCCESS");

        NoEffect refused = assertInstanceOf(NoEffect.class, record.record(overRefund));

        assertTrue(refused.refused());
        assertEquals(JPY_1000, transactions.byId("m-1", id).orElseThrow().charged());
        assertEquals(TransactionStatus.CHARGED, transactions.byId("m-1", id).orElseThrow().status());
        assertEquals(before, published().size());
    }

    @Test
    void anUnknownTransactionIsNotCreatedUnlessTheOutcomeDescribesIt() {
        Command onUnknown = new Command(merchant, ProviderId.ADYEN,
            new Referenced(new TransactionTarget(List.of("psp-9"), Optional.empty(), Optional.empty()), "eu"),
            transaction -> Changes.of(t -> t.chargeSucceeded(ProviderReport.of(JPY_1000, clock.instant()))), "CAPTURE");

        NoEffect none = assertInstanceOf(NoEffect.class, record.record(onUnknown));

        assertEquals(Optional.empty(), none.transaction());
        assertTrue(none.reason().contains("psp-9"), none.reason());
        assertTrue(published().isEmpty());
    }

    @Test
    void aReferencedOutcomeFindsTheTransactionByProviderReferenceAndCreatesInItsChannel() {
        TransactionTarget target = new TransactionTarget(List.of("psp-1"), Optional.of("order-1"),
            Optional.of(new TransactionTarget.NewTransaction("order-1", Currency.JPY)));
        Command capture = new Command(merchant, ProviderId.ADYEN, new Referenced(target, "eu"),
            transaction -> Changes.of(new Step(t -> t.chargeSucceeded(ProviderReport.of(JPY_1000, clock.instant())
                .withProviderReference("psp-1").withEventKey("adyen:1")), Optional.of("transaction.sale.captured"))),
            "CAPTURE");

        Recorded first = assertInstanceOf(Recorded.class, record.record(capture));
        assertEquals("eu", first.transaction().channelSlug());
        NoEffect second = assertInstanceOf(NoEffect.class, record.record(capture));

        assertEquals(Optional.of(first.transaction().id()), second.transaction());
    }

    @Test
    void anOutcomeWithNoEffectOnTheFoundTransactionSaysWhy() {
        TransactionId id = TransactionId.of("tx-1");
        record.record(chargeOf(id, JPY_1000, "k1"));
        Command stale = new Command(merchant, ProviderId.NP_ATOBARAI, new Known(id, Optional.empty()),
            transaction -> Changes.none("the payment is already " + transaction.status()), "CHARGE_SUCCESS");

        NoEffect none = assertInstanceOf(NoEffect.class, record.record(stale));

        assertEquals("the payment is already CHARGED", none.reason());
    }
}
