package dev.payhooks.application.saleor;

import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.InMemoryFulfillments;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.provider.npatobarai.GoodsLine;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.provider.npatobarai.ProductLine;
import dev.payhooks.domain.refund.InMemoryRefunds;
import dev.payhooks.domain.refund.RefundStatus;
import dev.payhooks.domain.saleor.InMemoryFulfillmentOrigins;
import dev.payhooks.domain.saleor.InMemoryOrderNotes;
import dev.payhooks.domain.saleor.OrderNote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RefundNpAtobaraiTransaction and ReportTrackingNumber over scripted NP calls and in-memory repositories. */
class NpAtobaraiHandlersTest extends SaleorFixture {

    static final Currency JPY = Currency.of("JPY");
    static final TransactionId HUB_ID = TransactionId.of("np-1");

    record NpChannel(Merchant merchant, boolean chargesAtOnce, boolean skuAsName, Optional<String> defaultCarrierCode)
        implements NpAtobaraiChannel { }

    final InMemoryRefunds refunds = new InMemoryRefunds();
    final InMemoryFulfillments fulfillments = new InMemoryFulfillments();
    final InMemoryFulfillmentOrigins origins = new InMemoryFulfillmentOrigins(fulfillments);
    final InMemoryOrderNotes notes = new InMemoryOrderNotes();
    final List<String> calls = new ArrayList<>();
    final List<AnswerDeadline> deadlines = new ArrayList<>();
    boolean npAccepts = true;

    final NpAtobaraiCalls np = new NpAtobaraiCalls() {
        @Override
        public Optional<NpAtobaraiChannel> configuredChannel(String merchantId, String channelSlug) {
            return Optional.of(new NpChannel(merchant, true, false, Optional.of("50000")));
        }

        @Override
        public Call cancel(NpAtobaraiChannel channel, String npTransactionId, AnswerDeadline deadline) {
            deadlines.add(deadline);
            calls.add("cancel " + npTransactionId);
            return new Call(npAccepts, Optional.empty(), npAccepts ? "accepted" : "E0131004");
        }

        @Override
        public Call update(NpAtobaraiChannel channel, String npTransactionId, long billedAmount, List<GoodsLine> goods,
                           ProviderData order, AnswerDeadline deadline) {
            deadlines.add(deadline);
            calls.add("update " + npTransactionId + " " + billedAmount);
            return new Call(npAccepts, Optional.empty(), npAccepts ? "approved" : "E0131004");
        }

        @Override
        public Call register(NpAtobaraiChannel channel, long billedAmount, List<GoodsLine> goods, ProviderData order,
                             AnswerDeadline deadline) {
            deadlines.add(deadline);
            calls.add("register " + billedAmount);
            return new Call(npAccepts, Optional.of("NP-NEW"), "approved");
        }

        @Override
        public Call reportShipment(NpAtobaraiChannel channel, String npTransactionId, String carrierCode,
                                   String trackingNumber, AnswerDeadline deadline) {
            deadlines.add(deadline);
            calls.add("ship " + npTransactionId);
            return new Call(npAccepts, Optional.empty(), "accepted");
        }
    };

    final ReplyFormat<RefundAnswer> format = answer -> (answer.success() ? "REFUND_SUCCESS " : "REFUND_FAILURE ")
        + answer.reference().orElse("-") + " " + answer.message();
    final RefundNpAtobaraiTransaction refund = new RefundNpAtobaraiTransaction(np, format, deliveries, outcomes,
        transactions, refunds, fulfillments, ids, units, clock);
    final ReportTrackingNumber tracking = new ReportTrackingNumber(np, transactions, fulfillments, origins, notes, ids,
        units, clock);

    void charged() {
        PaymentTransaction payment = PaymentTransaction.initialize(HUB_ID, "jp", ProviderId.NP_ATOBARAI, "saleor-tx-1", JPY,
            T0);
        payment.chargeSucceeded(ProviderReport.of(Money.of(3000, JPY), T0).withProviderReference("NP-1"));
        transactions.add("m-1", payment);
    }

    final AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);

    NpRefundCommand refundOf(long yen) {
        OrderGoods goods = new OrderGoods(List.of(new ProductLine("line-1", "CUP", "Cup", 1000, 3)), 0, 0, false);
        return new NpRefundCommand(installation(ProviderId.NP_ATOBARAI), HUB_ID, Optional.of("jp"), Money.of(yen, JPY),
            Optional.of(Money.of(3000, JPY)), Optional.empty(), Map.of(), List.of(), false, Optional.of(goods),
            Optional.empty(), Optional.of("NP-1"), "refund:saleor-tx-1:" + yen, ProviderData.NONE, deadline);
    }

    String reply(Delivery delivery) {
        return assertInstanceOf(Delivery.Replied.class, delivery).reply();
    }

    @Test
    void aFullRefundBeforeShipmentCancelsAtNpAndIsDoneAtOnce() {
        charged();

        String reply = reply(refund.handle(refundOf(3000)));

        assertTrue(reply.startsWith("REFUND_SUCCESS NP-1"), reply);
        assertEquals(List.of("cancel NP-1"), calls);
        assertEquals(List.of(deadline), deadlines);  // bound by Saleor's wait
        assertEquals(RefundStatus.SUCCEEDED, refunds.ofTransaction(HUB_ID).get(0).status());
        assertEquals(3000, transactions.byId("m-1", HUB_ID).orElseThrow().refunded().minorUnits());
        assertEquals(reply, reply(refund.handle(refundOf(3000))));  // a repeat: the stored reply
        assertEquals(1, calls.size());
    }

    @Test
    void aFailedStepIsAVisibleFailureAndAskingAgainIsARetry() {
        charged();
        npAccepts = false;

        String reply = reply(refund.handle(refundOf(1000)));

        assertTrue(reply.startsWith("REFUND_FAILURE NP-1 Refund failed at update"), reply);
        assertEquals(RefundStatus.FAILED, refunds.ofTransaction(HUB_ID).get(0).status());
        assertEquals(0, transactions.byId("m-1", HUB_ID).orElseThrow().refunded().minorUnits());
        npAccepts = true;
        assertTrue(reply(refund.handle(refundOf(1000))).startsWith("REFUND_SUCCESS"));
        assertEquals(List.of("update NP-1 2000", "update NP-1 2000"), calls);
    }

    @Test
    void aRefundOfAPaymentTheHubDoesNotKnowAsksNothing() {
        String reply = reply(refund.handle(refundOf(3000)));

        assertTrue(reply.startsWith("REFUND_FAILURE NP-1 Refund failed at missing data"), reply);
        assertEquals(List.of(), calls);
        assertEquals(List.of(), refunds.ofTransaction(HUB_ID));
    }

    TrackingNumberCommand trackingOf(Optional<String> number, List<TransactionId> completed) {
        return new TrackingNumberCommand(installation(ProviderId.NP_ATOBARAI), Optional.of("jp"), "order-1",
            FulfillmentId.of("ful-1"), number, Optional.empty(), true, completed);
    }

    @Test
    void aTrackingNumberIsRecordedForTheShipmentReporter() {
        charged();

        assertEquals(ReportTrackingNumber.Result.ACCEPTED, tracking.handle(trackingOf(Optional.of("1234-5678-9012"),
            List.of(HUB_ID))));

        assertEquals("1234-5678-9012", fulfillments.byId(HUB_ID, FulfillmentId.of("ful-1")).orElseThrow()
            .trackingNumber().value());
        assertEquals(Optional.of("50000"), fulfillments.byId(HUB_ID, FulfillmentId.of("ful-1")).orElseThrow().carrierCode());
        assertEquals(List.of(), notes.ofOrder("order-1"));
    }

    @Test
    void whatCannotBeReportedIsToldToStaffOnTheOrder() {
        charged();
        tracking.handle(trackingOf(Optional.empty(), List.of(HUB_ID)));
        tracking.handle(trackingOf(Optional.of("1234"), List.of(HUB_ID, TransactionId.of("np-2"))));

        List<String> messages = notes.ofOrder("order-1").stream().map(OrderNote::message).toList();
        assertEquals(List.of(
            "Failed to report fulfillment for tracking number (none): the fulfillment has no tracking number",
            "Reporting fulfillment for tracking number 1234 skipped: the order has 2 completed NP Atobarai transactions"),
            messages);
        assertEquals(List.of(), fulfillments.ofTransaction(HUB_ID));
    }
}
