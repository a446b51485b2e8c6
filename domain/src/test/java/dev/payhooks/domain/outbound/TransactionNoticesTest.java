package dev.payhooks.domain.outbound;

import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SequentialIds;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionNoticesTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final AtomicInteger next = new AtomicInteger();
    final Merchant merchant = Merchant.register("m1", "Shop", "7qwnw4j2kmqvrb3", T0);
    final TransactionNotices notices = new TransactionNotices(
        new EventQueue(outbox, subscriptions, deliveries, new SequentialIds()),
        () -> new EventId(String.format("%064x", next.incrementAndGet())), Clock.fixed(T0, ZoneOffset.UTC));

    static PaymentTransaction transaction() {
        return PaymentTransaction.initialize(TransactionId.of("tx-1"), "jp-store", ProviderId.NP_ATOBARAI,
            "VHJhbnNhY3Rpb25JdGVtOjE=", Currency.JPY, T0);
    }

    static ProviderReport yen(long amount) {
        return ProviderReport.of(Money.of(amount, Currency.JPY), T0);
    }

    @Test
    void theObjectCarriesThePaymentMethodLineItemsAndContactTheProviderTold() {
        PaymentTransaction tx = transaction();
        tx.describe(new PaymentDetails(Optional.of(new PaymentDetails.PaymentMethod("JCB", "3530 **** **** 0000", "28-01", null)),
            List.of(new PaymentDetails.LineItem("Matcha \"A\"", 1500L, 2L, "m-1", "10"), new PaymentDetails.LineItem(null, null, null, "x", null)),
            Optional.of(new PaymentDetails.Contact(java.util.Map.of("lastname", "Yamada", "countryISO", "JP")))));
        OutboundEvent event = notices.publish(merchant, tx, tx.chargeSucceeded(yen(3000))).get(0);

        assertTrue(event.payloadJson().contains(",\"payment_method\":{\"brand\":\"JCB\",\"masked_number\":\"3530 **** **** 0000\","
            + "\"expiry\":\"28-01\"},\"line_items\":[{\"name\":\"Matcha \\\"A\\\"\",\"sku\":\"m-1\",\"price\":\"1500\","
            + "\"quantity\":2,\"vat_rate\":\"10\"},{\"sku\":\"x\"}],\"contact\":{\"lastname\":\"Yamada\",\"countryISO\":\"JP\"}}"),
            event.payloadJson());
        PaymentTransaction plain = transaction();
        String without = notices.publish(merchant, plain, plain.chargeSucceeded(yen(3000))).get(0).payloadJson();
        assertFalse(without.contains("payment_method") || without.contains("line_items") || without.contains("contact"), without);
    }

    @Test
    void aSaleWithoutAuthorizationIsASaleAndItsRefundARefund() {
        PaymentTransaction tx = transaction();
        List<TransactionEvent> sale = tx.chargeSucceeded(yen(3000).withProviderReference("12345678901"));
        List<OutboundEvent> published = notices.publish(merchant, tx, sale);

        assertEquals(1, published.size());
        OutboundEvent event = published.get(0);
        assertEquals("transaction.sale.success", event.eventType());
        assertEquals("m1", event.merchantId());
        assertTrue(event.payloadJson().contains("\"object\":{\"type\":\"transaction\",\"key\":\"tx-1\",\"provider\":\"np-atobarai\","
            + "\"channel\":\"jp-store\",\"merchant_reference\":\"VHJhbnNhY3Rpb25JdGVtOjE=\",\"provider_reference\":\"12345678901\","
            + "\"operation\":\"CHARGE\",\"result\":\"SUCCESS\",\"status\":\"CHARGED\",\"amount_detail\":{\"amount\":\"3000\",\"currency\":\"JPY\"},"
            + "\"event_sequence\":1,\"occurred_at\":\"2026-11-20T10:00:00Z\"}"), event.payloadJson());
        assertEquals(Optional.of("transaction.refund.success"),
            TransactionNotices.defaultType(tx, tx.refundSucceeded(yen(1500)).get(0)));
    }

    @Test
    void aReasonIsAnObjectWithCodeAndDescriptionAndOnlyThereWhenGiven() {
        PaymentTransaction tx = transaction();
        List<TransactionEvent> retrying = tx.authorizationRequested(yen(3000)
            .withReason(new FailureReason("PAYMENT_METHOD_NO_FUNDS", "Not enough \"funds\"")));
        OutboundEvent event = notices.publishAs(merchant, "transaction.authorization.retrying", tx, retrying.get(0));
        assertTrue(event.payloadJson().contains("\"reason\":{\"code\":\"PAYMENT_METHOD_NO_FUNDS\","
            + "\"description\":\"Not enough \\\"funds\\\"\"},\"event_sequence\":1"), event.payloadJson());

        OutboundEvent success = notices.publish(merchant, tx, tx.authorizationSucceeded(yen(3000))).get(0);
        assertFalse(success.payloadJson().contains("\"reason\""), success.payloadJson());
    }

    @Test
    void aChargeAfterAnAuthorizationIsACapture() {
        PaymentTransaction tx = transaction();
        assertEquals(Optional.of("transaction.authorization.success"),
            TransactionNotices.defaultType(tx, tx.authorizationSucceeded(yen(3000)).get(0)));
        assertEquals(Optional.empty(), TransactionNotices.defaultType(tx, tx.chargeRequested(yen(1000)).get(0)));
        assertEquals(Optional.of("transaction.capture.failure"), TransactionNotices.defaultType(tx, tx.chargeFailed(yen(1000)).get(0)));
        assertEquals(Optional.of("transaction.sale.captured"), TransactionNotices.defaultType(tx, tx.chargeSucceeded(yen(1000)).get(0)));
        assertEquals(Optional.of("transaction.sale.voided"), TransactionNotices.defaultType(tx, tx.cancelSucceeded(yen(2000)).get(0)));
    }

    @Test
    void holdsAndPendingOutcomes() {
        PaymentTransaction tx = transaction();
        assertEquals(Optional.of("transaction.action_required"),
            TransactionNotices.defaultType(tx, tx.chargeActionRequired(yen(3000)).get(0)));
        assertEquals(Optional.of("transaction.sale.failure"), TransactionNotices.defaultType(tx, tx.chargeFailed(yen(3000)).get(0)));
        PaymentTransaction other = transaction();
        assertEquals(Optional.of("transaction.pending"), TransactionNotices.defaultType(other, other.chargeRequested(yen(3000)).get(0)));
    }

    @Test
    void anExplicitTypeMustBeInTheCatalogAndMessagesAreEscaped() {
        PaymentTransaction tx = transaction();
        TransactionEvent failed = tx.authorizationFailed(yen(3000).withMessage("PAYMENT_METHOD_DECLINED \"quoted\"\n")).get(0);
        OutboundEvent event = notices.publishAs(merchant, "transaction.authorization.retrying", tx, failed);
        assertTrue(event.payloadJson().contains("\"message\":\"PAYMENT_METHOD_DECLINED \\\"quoted\\\"\\n\""), event.payloadJson());
        assertThrows(IllegalArgumentException.class, () -> notices.publishAs(merchant, "no.such.type", tx, failed));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("{\"a\":\"\\u0001\\u2028x\",\"n\":-5}", JsonText.object().string("a", "\u0001\u2028x").string("skip", null)
            .number("n", -5).toJson());
    }
}
