package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.notifications.PipelineFixture;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.TransactionReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_HMAC_KEY;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_MERCHANT_ACCOUNT;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_PASSWORD;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_USER;
import static dev.payhooks.adapters.notifications.PipelineFixture.basic;
import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adyen notifications of Saleor transactions queue Saleor's transactionEventReport, in the applying transaction. */
class AdyenSaleorReportsTest {

    static final String API_URL = "https://shop.example/graphql/";
    static final String SALEOR_ID = "VHJhbnNhY3Rpb25JdGVtOjE=";
    static final Currency SEK = Currency.of("SEK");

    PipelineFixture hub;

    @BeforeEach
    void setUp() {
        hub = new PipelineFixture();
        hub.configureAdyen("AUTHORIZE", ADYEN_HMAC_KEY);
    }

    @ParameterizedTest(name = "{0} success={1} charges={2} -> {3}")
    @CsvSource({
        "AUTHORISATION, true, false, AUTHORIZATION_SUCCESS",
        "AUTHORISATION, true, true, CHARGE_SUCCESS",
        "AUTHORISATION, false, false, AUTHORIZATION_FAILURE",
        "AUTHORISATION, false, true, CHARGE_FAILURE",
        "CAPTURE, true, false, CHARGE_SUCCESS",
        "CAPTURE, false, false, CHARGE_FAILURE",
        "CAPTURE_FAILED, true, false, CHARGE_FAILURE",
        "CANCELLATION, true, false, CANCEL_SUCCESS",
        "CANCELLATION, false, false, CANCEL_FAILURE",
        "REFUND, true, false, REFUND_SUCCESS",
        "REFUND, false, false, REFUND_FAILURE",
        "REFUND_FAILED, true, false, REFUND_FAILURE",
        "REFUNDED_REVERSED, true, false, REFUND_REVERSE",
        "CHARGEBACK, true, false, CHARGE_BACK",
    })
    void contractMapping(String eventCode, boolean success, boolean charges, String type) {
        assertEquals(Optional.of(type), AdyenSaleorReports.saleorType(eventCode, success, charges));
    }

    @ParameterizedTest
    @CsvSource({"REPORT_AVAILABLE, true", "REFUNDED_REVERSED, false", "CHARGEBACK, false", "OFFER_CLOSED, true"})
    void codesWithoutEffectAreNotReported(String eventCode, boolean success) {
        assertEquals(Optional.empty(), AdyenSaleorReports.saleorType(eventCode, success, false));
    }

    @Test
    void captureOfASaleorTransactionIsQueuedForSaleorOnce() {
        saleorPaymentAuthorised();

        String capture = AdyenNotificationsTest.item("CAP1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 1000, "SEK",
            "CAPTURE", "true", ADYEN_HMAC_KEY);
        assertEquals("[accepted]", post(batch(capture)));
        assertEquals("[accepted]", post(batch(capture)));  // Adyen resends: applied once, reported once

        List<TransactionReport> reports = hub.saleorReports.ofSaleorTransaction(SALEOR_ID);
        assertEquals(1, reports.size());
        TransactionReport report = reports.get(0);
        assertEquals(API_URL, report.apiUrl());
        assertEquals(ProviderId.ADYEN, report.provider());
        assertEquals("CAP1", report.pspReference());
        assertEquals("CHARGE_SUCCESS", report.type());
        assertEquals("10.00", report.amount());
        List<dev.payhooks.domain.payment.TransactionEvent> events = hub.onlyTransaction().events();
        assertEquals(events.get(events.size() - 1).at(), report.time());
        assertEquals("Adyen CAPTURE", report.message());
        assertEquals(TransactionReport.Status.PENDING, report.status());
        assertEquals(java.util.Optional.of(hub.onlyTransaction().id()), report.transactionId(), "linked to its transaction");
        assertEquals(java.util.Optional.of(hub.merchant.id()), report.merchantId());
    }

    @Test
    void failedRefundIsReportedAsRefundFailureWithAdyensReason() {
        saleorPaymentAuthorised();
        post(batch(AdyenNotificationsTest.item("CAP1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 1000, "SEK",
            "CAPTURE", "true", ADYEN_HMAC_KEY)));
        post(batch(AdyenNotificationsTest.item("REF1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 400, "SEK",
            "REFUND", "false", ADYEN_HMAC_KEY)));

        List<TransactionReport> reports = hub.saleorReports.ofSaleorTransaction(SALEOR_ID);
        assertEquals(List.of("CHARGE_SUCCESS", "REFUND_FAILURE"), reports.stream().map(TransactionReport::type).toList());
        assertEquals("REF1", reports.get(1).pspReference());
        assertEquals("4.00", reports.get(1).amount());
        assertEquals("Adyen REFUND: Refused", reports.get(1).message());
    }

    @Test
    void authorisationTheSessionAlreadyAnsweredIsNotReportedAgain() {
        saleorPaymentAuthorised();
        post(batch(AdyenNotificationsTest.item("PSP1", "", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 1000, "SEK",
            "AUTHORISATION", "true", ADYEN_HMAC_KEY)));
        assertEquals(List.of(), hub.saleorReports.all());
    }

    @Test
    void paymentsNotStartedBySaleorAreNotReported() {
        // pay-by-link: the AUTHORISATION creates the payment, the capture changes it; no Saleor transaction
        post(batch(AdyenNotificationsTest.item("PSP7", "", ADYEN_MERCHANT_ACCOUNT, "link-7", 1000, "SEK",
            "AUTHORISATION", "true", ADYEN_HMAC_KEY)));
        post(batch(AdyenNotificationsTest.item("CAP7", "PSP7", ADYEN_MERCHANT_ACCOUNT, "link-7", 1000, "SEK",
            "CAPTURE", "true", ADYEN_HMAC_KEY)));
        assertEquals(2, hub.onlyTransaction().events().size());
        assertEquals(List.of(), hub.saleorReports.all());
    }

    @Test
    void aSaleorTransactionOfAnotherInstallationIsNotReportedToThisOne() {
        saleorPaymentAuthorised();
        // the hub id names API_URL; an installation elsewhere for the same merchant does not match it
        hub.saleorInstallations.add(SaleorInstallation.install("https://other.example/graphql/", ProviderId.ADYEN,
            hub.merchant.id(), "QXBwOjI=", new SealedSecret("sealed"), "{}", PipelineFixture.NOW));
        post(batch(AdyenNotificationsTest.item("CAP1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 1000, "SEK",
            "CAPTURE", "true", ADYEN_HMAC_KEY)));
        assertEquals(List.of(API_URL), hub.saleorReports.all().stream().map(TransactionReport::apiUrl).toList());
    }

    @Test
    void aBatchIsParsedOnceFromVerificationToTheSaleorReportOfEachItem() {
        saleorPaymentAuthorised();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", basic(ADYEN_USER, ADYEN_PASSWORD));
        String capture = AdyenNotificationsTest.item("CAP1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 600, "SEK",
            "CAPTURE", "true", ADYEN_HMAC_KEY);
        String refund = AdyenNotificationsTest.item("REF1", "PSP1", ADYEN_MERCHANT_ACCOUNT, SALEOR_ID, 200, "SEK",
            "REFUND", "true", ADYEN_HMAC_KEY);

        InboundRequest request = hub.receiveAndApply(ProviderId.ADYEN, headers, utf8(batch(capture, refund)));

        assertEquals(List.of("CHARGE_SUCCESS", "REFUND_SUCCESS"), hub.saleorReports.ofSaleorTransaction(SALEOR_ID).stream()
            .map(TransactionReport::type).toList());
        assertEquals(1, request.bodyReads(), "verify, decode, apply and the Saleor report share one parse");
    }

    /** What the Adyen app records for an Authorised /payments answer of a Saleor transaction. */
    void saleorPaymentAuthorised() {
        hub.saleorInstallations.add(SaleorInstallation.install(API_URL, ProviderId.ADYEN, hub.merchant.id(), "QXBwOjE0",
            new SealedSecret("sealed"), "{}", PipelineFixture.NOW));
        TransactionId id = AdyenSaleorApp.hubTransactionId(API_URL, SALEOR_ID);
        PaymentTransaction payment = PaymentTransaction.initialize(id, "shop", ProviderId.ADYEN, SALEOR_ID, SEK,
            PipelineFixture.NOW);
        payment.authorizationSucceeded(ProviderReport.of(Money.of(1000, SEK), PipelineFixture.NOW)
            .withProviderReference("PSP1")
            .withEventKey(AdyenPayments.sessionEventKey("PSP1", OperationResult.SUCCESS, "AUTHORIZATION_SUCCESS",
                Money.of(1000, SEK))));
        hub.transactions.add(hub.merchant.id(), payment);
    }

    String post(String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", basic(ADYEN_USER, ADYEN_PASSWORD));
        return hub.post(ProviderId.ADYEN, headers, utf8(body)).json();
    }

    static String batch(String... items) {
        return "{\"live\": \"false\", \"notificationItems\": [" + String.join(", ", items) + "]}";
    }
}
