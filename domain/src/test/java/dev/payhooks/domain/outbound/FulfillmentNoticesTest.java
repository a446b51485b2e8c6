package dev.payhooks.domain.outbound;

import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SequentialIds;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FulfillmentNoticesTest {

    static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final AtomicInteger next = new AtomicInteger();
    final FulfillmentNotices notices = new FulfillmentNotices(
        new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), new SequentialIds()),
        () -> new EventId(String.format("%064x", next.incrementAndGet())), Clock.fixed(T0, ZoneOffset.UTC));
    final Merchant merchant = Merchant.register("m-1", "Shop", "abcdefghij12345", T0);
    final PaymentTransaction payment = PaymentTransaction.initialize(TransactionId.of("tx-1"), "jp-store",
        ProviderId.NP_ATOBARAI, "VHJhbnNhY3Rpb25JdGVtOjE=", Currency.of("JPY"), T0);

    Fulfillment fulfillment() {
        return Fulfillment.record(FulfillmentId.of("RnVsZmlsbG1lbnQ6MQ=="), payment.id(), TrackingNumber.of("1234567890"),
            "50000", T0);
    }

    @Test
    void reportedAndFailedReportsBecomeTheirCatalogEvents() {
        Fulfillment reported = fulfillment();
        reported.reportSucceeded(T0);
        OutboundEvent ok = notices.publish(merchant, payment, reported);
        assertEquals("fulfillment.reported", ok.eventType());
        assertTrue(ok.payloadJson().contains("\"tracking_number\":\"1234567890\""), ok.payloadJson());

        Fulfillment failed = fulfillment();
        failed.reportFailed("NP refused: E0200001", T0);
        OutboundEvent bad = notices.publish(merchant, payment, failed);
        assertEquals("fulfillment.report_failed", bad.eventType());
        assertTrue(bad.payloadJson().contains("E0200001"), bad.payloadJson());

        assertThrows(IllegalArgumentException.class, () -> notices.publish(merchant, payment, fulfillment()));
    }
}
