package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.notifications.NotificationEndpoint.Answer;
import dev.payhooks.adapters.notifications.PipelineFixture;
import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnanowNotificationsTest {

    private final PipelineFixture hub = new PipelineFixture();

    static String transactionJson(long id, String status, long amount, String currency, String referenceId,
                                  Long refundedAmount) {
        return """
            {"transaction": {"id": %d, "uuid": "u-%d", "status": "%s", "time": "2024-05-01 10:00:00", "lang": "de",
              "mode": "TEST", "psp": "Stripe", "amount": %d, "referenceId": "%s",
              "invoice": {"number": "INV-1", "currency": "%s", "paymentRequestId": 77%s,
                          "products": [{"name": "Tea", "price": %d, "quantity": 1, "sku": "tea-1"}]},
              "contact": {"firstname": "Anna", "lastname": "Now", "email": "anna@example.test"}}}
            """.formatted(id, id, status, amount, referenceId, currency,
            refundedAmount == null ? "" : ", \"refundedAmount\": " + refundedAmount, amount);
    }

    static String transactionForm(long id, String status, long amount, String currency, String referenceId) {
        return "transaction%5Bid%5D=" + id + "&transaction[status]=" + status.replace(" ", "+") + "&transaction[amount]=" + amount
            + "&transaction[referenceId]=" + referenceId + "&transaction[invoice][currency]=" + currency
            + "&transaction[invoice][products][0][sku]=tea-1&transaction[invoice][products][0][name]=T%C3%A9a";
    }

    private Answer json(String body) {
        return hub.post(ProviderId.ANNANOW, Map.of("Content-Type", "application/json; charset=utf-8"), utf8(body));
    }

    private Answer form(String body) {
        return hub.post(ProviderId.ANNANOW, Map.of("Content-Type", "application/x-www-form-urlencoded"), utf8(body));
    }

    @Test
    void waitingThenConfirmedIsAPendingSaleThenASaleAndAResendChangesNothing() {
        assertEquals(200, json(transactionJson(1, "waiting", 1250, "CHF", "order-1", null)).status());
        assertEquals(TransactionStatus.CHARGE_REQUESTED, hub.onlyTransaction().status());

        assertEquals(200, json(transactionJson(1, "confirmed", 1250, "CHF", "order-1", null)).status());
        PaymentTransaction paid = hub.onlyTransaction();
        assertEquals(TransactionStatus.CHARGED, paid.status());
        assertEquals(Money.of(1250, Currency.CHF), paid.charged());
        assertEquals("order-1", paid.merchantReference());
        assertEquals("1", paid.providerReference().orElseThrow());

        Answer resent = json(transactionJson(1, "confirmed", 1250, "CHF", "order-1", null));
        assertTrue(resent.json().contains("duplicate"));
        assertEquals(paid.snapshot(), hub.onlyTransaction().snapshot());
        assertEquals(List.of("transaction.pending", "transaction.sale.success"), hub.outboundTypes());
    }

    @Test
    void theFormEncodingIsReadLikeJson() {
        assertEquals(200, form(transactionForm(5, "confirmed", 2, "JPY", "order-jp")).status());
        PaymentTransaction transaction = hub.onlyTransaction();
        assertEquals(Money.of(2, Currency.JPY), transaction.charged());
        // the JSON copy of the same notification is the same notification
        assertTrue(json(transactionJson(5, "confirmed", 2, "JPY", "order-jp", null)).json().contains("duplicate"));
    }

    @ParameterizedTest
    @CsvSource({
        "waiting, CHARGE_REQUESTED, transaction.pending",
        "confirmed, CHARGED, transaction.sale.success",
        "authorized, AUTHORIZED, transaction.authorization.success",
        "reserved, AUTHORIZED, transaction.authorization.success",
        "uncaptured, AUTHORIZED, transaction.authorization.success",
        "declined, FAILED, transaction.sale.failure",
        "cancelled, FAILED, transaction.sale.failure",
        "error, FAILED, transaction.sale.failure",
        "Technical error, FAILED, transaction.sale.failure"})
    void everyPaymentStatusMapsAsDocumented(String status, TransactionStatus expected, String eventType) {
        assertEquals(200, json(transactionJson(9, status, 1000, "EUR", "order-9", null)).status());
        assertEquals(expected, hub.onlyTransaction().status());
        assertEquals(List.of(eventType), hub.outboundTypes());
    }

    @Test
    void refundsFollowTheRefundedTotalOldNamesIncluded() {
        json(transactionJson(3, "confirmed", 1000, "EUR", "order-3", null));
        json(transactionJson(3, "refund_pending", 1000, "EUR", "order-3", 400L));
        assertEquals(Money.of(400, Currency.EUR), hub.onlyTransaction().amounts().refundPending());

        json(transactionJson(3, "Partially refunded", 1000, "EUR", "order-3", 400L));
        assertEquals(TransactionStatus.PARTIALLY_REFUNDED, hub.onlyTransaction().status());
        assertEquals(Money.of(400, Currency.EUR), hub.onlyTransaction().refunded());

        json(transactionJson(3, "refunded", 1000, "EUR", "order-3", 1000L));
        assertEquals(TransactionStatus.REFUNDED, hub.onlyTransaction().status());
        assertEquals(Money.of(1000, Currency.EUR), hub.onlyTransaction().refunded());
        assertEquals(List.of("transaction.sale.success", "transaction.refund.pending", "transaction.refund.success",
            "transaction.refund.success"), hub.outboundTypes());
    }

    @ParameterizedTest
    @CsvSource({"chargeback", "chargeback dispute"})
    void aChargebackTakesTheFundsBack(String status) {
        json(transactionJson(4, "confirmed", 1000, "EUR", "order-4", null));
        json(transactionJson(4, status, 1000, "EUR", "order-4", null));
        assertEquals(TransactionStatus.CHARGED_BACK, hub.onlyTransaction().status());
        assertEquals(List.of("transaction.sale.success", "transaction.chargeback"), hub.outboundTypes());
    }

    @Test
    void aCancelledReservationVoidsIt() {
        json(transactionJson(6, "reserved", 1000, "EUR", "order-6", null));
        json(transactionJson(6, "cancelled", 1000, "EUR", "order-6", null));
        assertEquals(TransactionStatus.CANCELLED, hub.onlyTransaction().status());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.voided"), hub.outboundTypes());
    }

    /** A capture of a pre-authorization, as its own Annanow transaction naming the authorized one. */
    static String capture(long id, long preAuthorizationId, long amount) {
        return """
            {"transaction": {"id": %d, "status": "confirmed", "amount": %d, "preAuthorizationId": %d,
              "invoice": {"currency": "CHF"}}}
            """.formatted(id, amount, preAuthorizationId);
    }

    @Test
    void aCaptureNamingItsPreAuthorizationCompletesTheAuthorizedPayment() {
        json(transactionJson(20, "authorized", 1500, "CHF", "order-20", null));

        Answer captured = json(capture(21, 20, 1500));

        assertEquals(200, captured.status(), captured.json());
        PaymentTransaction payment = hub.onlyTransaction();
        assertEquals(TransactionStatus.CHARGED, payment.status());
        assertEquals(Money.of(1500, Currency.CHF), payment.charged());
        assertEquals("order-20", payment.merchantReference());
        assertEquals("21", payment.events().get(1).providerReference());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), hub.outboundTypes());
        // a resend of the capture is recognised
        assertTrue(json(capture(21, 20, 1500)).json().contains("duplicate"));
        assertEquals(2, hub.onlyTransaction().events().size());
        // the capture names no merchant reference: it is in the authorization's lane by the payment's Annanow id
        assertEquals(List.of(ApplyLanes.of("20"), ApplyLanes.of("20")),
            hub.storedNotifications().stream().map(InboundNotification::lane).toList());
    }

    @Test
    void theCardProductsAndContactReachTheTransactionAndItsOutboundEventsFromEitherEncoding() {
        assertEquals(200, form(AnnanowDetailsTest.FORM.replace("transaction[status]=confirmed", "transaction[status]=authorized"))
            .status());
        assertEquals(200, json(AnnanowDetailsTest.JSON.replace("\"id\": 7,", "\"id\": 8, \"preAuthorizationId\": 7,")).status());

        PaymentTransaction payment = hub.onlyTransaction();
        assertEquals(TransactionStatus.CHARGED, payment.status(), "the capture completed the authorized payment");
        assertEquals(AnnanowDetailsTest.json(AnnanowDetailsTest.JSON), payment.details());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), hub.outboundTypes());
        for (var event : hub.outboundEvents()) {
            String payload = event.payloadJson();
            assertTrue(payload.contains("\"payment_method\":{\"brand\":\"VISA\",\"masked_number\":\"424242******4242\","
                + "\"expiry\":\"27-08\",\"wallet\":\"apple-pay\"}"), payload);
            assertTrue(payload.contains("\"line_items\":[{\"name\":\"Tée\",\"sku\":\"tea-1\",\"price\":\"12.50\","
                + "\"quantity\":2,\"vat_rate\":\"8.1\"},{\"name\":\"Cup\",\"sku\":\"cup\",\"price\":\"0.90\",\"quantity\":1}]"),
                payload);
            assertTrue(payload.contains("\"contact\":{\"title\":\"mrs\",\"firstname\":\"Anna\""), payload);
            assertTrue(payload.contains("\"delivery_street\":\"Hauptgasse 2\"}"), payload);
            assertFalse(payload.contains("favourite_colour"), payload);
        }
    }

    @Test
    void aFullCardNumberNeverReachesTheTransactionOrItsEvents() {
        String unmasked = transactionJson(40, "confirmed", 1000, "CHF", "order-40", null)
            .replace("\"psp\": \"Stripe\",", "\"psp\": \"Stripe\", \"payment\": {\"brand\": \"VISA\", \"cardNumber\": \"4111111111111111\"},");

        assertEquals(200, json(unmasked).status());

        assertEquals(new PaymentDetails.PaymentMethod("VISA", null, null, null), hub.onlyTransaction().details().method().orElseThrow());
        assertFalse(hub.outboundEvents().get(0).payloadJson().contains("4111111111111111"));
        assertFalse(hub.onlyTransaction().details().toString().contains("4111111111111111"));
    }

    @Test
    void aCaptureWhosePreAuthorizationIsUnknownStartsAPaymentOfItsOwn() {
        json(transactionJson(30, "authorized", 1500, "CHF", "order-30", null));

        assertEquals(200, json(capture(31, 999, 1500)).status());

        assertEquals(2, hub.allTransactions().size());
        assertEquals(TransactionStatus.AUTHORIZED, hub.allTransactions().stream()
            .filter(t -> t.merchantReference().equals("order-30")).findFirst().orElseThrow().status());
    }

    @Test
    void aSecondAnnanowTransactionOfTheSameReferenceIsTheSamePayment() {
        json(transactionJson(10, "declined", 1000, "EUR", "order-10", null));
        json(transactionJson(11, "confirmed", 1000, "EUR", "order-10", null));
        PaymentTransaction payment = hub.onlyTransaction();
        assertEquals(TransactionStatus.CHARGED, payment.status());
    }

    @Test
    void smallestUnitsFollowTheCurrencyExponent() {
        json(transactionJson(20, "confirmed", 1234, "KWD", "kw", null));
        json(transactionJson(21, "confirmed", 2, "JPY", "jp", null));
        List<PaymentTransaction> all = hub.allTransactions();
        assertEquals("KWD 1.234", all.get(0).charged().toString());
        assertEquals("JPY 2", all.get(1).charged().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "active, subscription.payment.success",
        "failed, subscription.payment.failure",
        "overdue, subscription.payment.failure",
        "in_notice, subscription.notice_given",
        "cancelled, subscription.cancelled"})
    void subscriptionEventsBecomeTheirOutboundEvents(String status, String eventType) {
        String body = "{\"subscription\": {\"id\": 42, \"uuid\": \"s-42\", \"status\": \"" + status + "\", \"start\": \"2024-01-01\","
            + " \"end\": \"2025-01-01\", \"valid_until\": \"2024-02-01\", \"paymentInterval\": \"P1M\","
            + " \"invoice\": {\"currency\": \"CHF\"}}}";
        assertEquals(200, json(body).status());
        assertEquals(List.of(eventType), hub.outboundTypes());
        assertTrue(hub.outboundEvents().get(0).payloadJson().contains("\"key\":\"42\""));
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void unknownStatusesAreAcknowledgedWithoutEffect() {
        assertEquals(200, json(transactionJson(7, "teleported", 100, "EUR", "o", null)).status());
        assertEquals(200, json("{\"subscription\": {\"id\": 1, \"status\": \"hibernating\"}}").status());
        assertEquals(List.of(), hub.allTransactions());
        hub.storedNotifications().forEach(n -> assertEquals(ProcessingStatus.IGNORED, n.status()));
    }

    @Test
    void aBodyWithoutTransactionOrAnUnreadableFormIs400() {
        assertEquals(400, json("{\"invoice\": {}}").status());
        assertEquals(400, form("transaction[id=1&transaction[status]=confirmed").status());
        assertEquals(400, form("transaction[id]=1&transaction[status]=%ZZ").status());
        assertEquals(400, json(transactionJson(8, "confirmed", 100, "XXX", "o", null)).status());
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void basicModeRequiresTheChannelsCredentials() {
        hub.configureAnnanow("BASIC", false);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        byte[] body = utf8(transactionJson(30, "confirmed", 100, "EUR", "o-30", null));

        assertEquals(401, hub.post(ProviderId.ANNANOW, headers, body).status());
        headers.put("Authorization", PipelineFixture.basic(PipelineFixture.ANNANOW_USER, PipelineFixture.ANNANOW_PASSWORD));
        assertEquals(200, hub.post(ProviderId.ANNANOW, headers, body).status());
        assertEquals(TransactionStatus.CHARGED, hub.onlyTransaction().status());
    }

    @Test
    void withRefetchAStatusIsAppliedOnlyWhenTheApiConfirmsIt() {
        hub.configureAnnanow("URL_KEY", true);
        hub.annanowApiStatuses.put(40L, "confirmed");

        json(transactionJson(40, "confirmed", 100, "EUR", "o-40", null));
        json(transactionJson(41, "confirmed", 100, "EUR", "o-41", null)); // unknown to the API
        hub.annanowApiStatuses.put(42L, "declined");
        json(transactionJson(42, "confirmed", 100, "EUR", "o-42", null)); // the API disagrees

        assertEquals(1, hub.allTransactions().size());
        List<InboundNotification> stored = hub.storedNotifications();
        assertEquals(ProcessingStatus.PROCESSED, stored.get(0).status());
        assertTrue(stored.get(1).statusReason().orElseThrow().contains("unknown to the Annanow API"));
        assertTrue(stored.get(2).statusReason().orElseThrow().contains("'declined'"));
    }

    @Test
    void aConfirmedFormNotificationIsParsedOnceFromDecodingToTheRefetch() {
        hub.configureAnnanow("URL_KEY", true);
        hub.annanowApiStatuses.put(43L, "confirmed");

        var request = hub.receiveAndApply(ProviderId.ANNANOW, Map.of("Content-Type", "application/x-www-form-urlencoded"),
            utf8(transactionForm(43, "confirmed", 100, "EUR", "o-43")));

        assertEquals(ProcessingStatus.PROCESSED, hub.storedNotifications().get(0).status());
        assertEquals(1, request.bodyReads(), "decode, apply and the re-fetch's comparison share one parse");
    }
}
