package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JpaEventLogTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static EventId event(int n) {
        return new EventId(String.format("%064x", n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSubscriptionMissedTheEventsOfItsTypesThatItHasNoDeliveryFor(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(OutboundEvent.create(event(1), "m1", "ach.settled", "{}", T0, null, null));
                outbox.append(OutboundEvent.create(event(2), "m1", "ach.settled", "{}", T0.plusSeconds(10), null, null));
                outbox.append(OutboundEvent.create(event(3), "m1", "ach.failed", "{}", T0.plusSeconds(20), null, null));
                outbox.append(OutboundEvent.create(event(4), "m1", "cau.submitted", "{}", T0.plusSeconds(30), null, null));
                outbox.append(OutboundEvent.create(event(5), "m2", "ach.settled", "{}", T0.plusSeconds(40), null, null));
                outbox.append(OutboundEvent.create(event(6), "m1", "ach.settled", "{}", T0.minusSeconds(60), null, null));
                new JpaDeliveries(em).add(Delivery.schedule("d1", event(1), "s1", "m1", T0));
                new JpaDeliveries(em).add(Delivery.schedule("d2", event(2), "other", "m1", T0));
            });
            EventLog.Filter since = new EventLog.Filter(Optional.empty(), Optional.of("s1"), Optional.empty(), Optional.of(T0),
                Optional.empty());

            List<OutboundEvent> missed = db.query(em -> new JpaEventLog(em).missedBy("m1", "s1", Set.of("ach.settled", "ach.failed"),
                since, 100));

            // 1 was delivered, 4 is not its type, 5 is another merchant's, 6 is before the range
            assertEquals(List.of(event(2), event(3)), missed.stream().map(OutboundEvent::id).toList());
            EventLog.Filter onlyFailed = new EventLog.Filter(Optional.of("ach.failed"), Optional.of("s1"), Optional.empty(),
                Optional.of(T0), Optional.of(T0.plusSeconds(21)));
            assertEquals(List.of(event(3)), db.query(em -> new JpaEventLog(em).missedBy("m1", "s1", Set.of("ach.settled", "ach.failed"),
                onlyFailed, 100)).stream().map(OutboundEvent::id).toList());
        }
    }

    /**
     * Free text finds events by any part of their id or of their transaction's references,
     * whatever the case: in the page, in the deliveries a bulk replay takes, and nowhere for
     * another merchant's transaction.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void freeTextFindsEventsByPartOfTheirIdOrOfTheirTransactionsReferencesIgnoringCase(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaPaymentTransactions transactions = new JpaPaymentTransactions(em);
                PaymentTransaction tx = PaymentTransaction.initialize(TransactionId.of("tx-Alpha"), "jp-store", ProviderId.ADYEN,
                    "Order-77_Saleor", Currency.JPY, T0);
                tx.authorizationSucceeded(new ProviderReport(Money.of(500, Currency.JPY), T0, "PSP-XQ91", "Authorised", "k-1", null));
                transactions.add("m1", tx);
                transactions.add("m2", PaymentTransaction.initialize(TransactionId.of("tx-other"), "jp-store", ProviderId.ADYEN,
                    "Order-77_Saleor", Currency.JPY, T0));
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(OutboundEvent.create(new EventId("ab12" + "0".repeat(60)), "m1", "ach.settled", "{}", T0, null,
                    "transaction:tx-Alpha:1"));
                outbox.append(OutboundEvent.create(event(2), "m1", "ach.settled", "{}", T0.plusSeconds(1), null, "publish-api"));
                outbox.append(OutboundEvent.create(event(3), "m1", "ach.settled", "{}", T0.plusSeconds(2), null,
                    "transaction:tx-Alphabet:1"));
                outbox.append(OutboundEvent.create(event(4), "m2", "ach.settled", "{}", T0.plusSeconds(3), null,
                    "transaction:tx-other:1"));
                new JpaDeliveries(em).add(Delivery.schedule("d1", new EventId("ab12" + "0".repeat(60)), "s1", "m1", T0));
                new JpaDeliveries(em).add(Delivery.schedule("d2", event(2), "s1", "m1", T0));
            });
            java.util.function.Function<String, List<String>> found = text -> db.query(em -> new JpaEventLog(em).search("m1",
                new EventLog.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(text)), Optional.empty(), 10)).events().stream().map(e -> e.id().value().substring(0, 4)).toList();

            assertEquals(List.of("ab12"), found.apply("AB1"), "a prefix of the event id, any case");
            assertEquals(List.of("ab12"), found.apply("order-77_s"), "part of the merchant (Saleor) reference");
            assertEquals(List.of("ab12"), found.apply("xq9"), "part of the provider reference");
            assertEquals(List.of("ab12"), found.apply("TX-ALPHA"), "the transaction id; tx-Alphabet is not a transaction of m1");
            assertEquals(List.of(), found.apply("order_77"), "_ is no wildcard");
            assertEquals(List.of(), found.apply("%"), "% is no wildcard");
            assertEquals(List.of("0000", "0000", "ab12"), found.apply("0000"), "any part of the id, newest first");

            List<Delivery> matching = db.query(em -> new JpaEventLog(em).deliveries("m1",
                new EventLog.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("psp-xq")), 100));
            assertEquals(List.of("d1"), matching.stream().map(Delivery::id).toList(), "the deliveries of the events found");
        }
    }
}
