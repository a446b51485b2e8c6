package dev.payhooks.adapters.adyen;

import com.adyen.model.notification.Amount;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.util.HMACValidator;
import dev.payhooks.adapters.notifications.NotificationEndpoint.Answer;
import dev.payhooks.adapters.notifications.PipelineFixture;
import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_HMAC_KEY;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_MERCHANT_ACCOUNT;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_OTHER_HMAC_KEY;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_PASSWORD;
import static dev.payhooks.adapters.notifications.PipelineFixture.ADYEN_USER;
import static dev.payhooks.adapters.notifications.PipelineFixture.basic;
import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdyenNotificationsTest {

    private PipelineFixture hub;

    @BeforeEach
    void setUp() {
        hub = new PipelineFixture();
        hub.configureAdyen("AUTHORIZE", ADYEN_HMAC_KEY);
    }

    // ---- HMAC -----------------------------------------------------------------------------------

    @Test
    void contractTestVector() {
        assertEquals(Optional.of("ipnxGCaUZ4l8TUW75a71/ghd2Fe5ffvX0pV4TLTntIc="), AdyenNotifications.hmac(
            "pspReference:originalReference:merchantAccount:reference:1000:EUR:EVENT:true", ADYEN_HMAC_KEY));
    }

    @Test
    void keyThatIsNotHexSignsNothing() {
        assertEquals(Optional.empty(), AdyenNotifications.hmac("a:b", "not hex at all"));
    }

    @Test
    void signedDataIsTheLibrarysDataToSign() {
        NotificationRequestItem item = new NotificationRequestItem()
            .setPspReference("pspReference").setOriginalReference("originalReference")
            .setMerchantAccountCode("merchantAccount").setMerchantReference("reference")
            .setAmount(new Amount().currency("EUR").value(1000L)).setEventCode("EVENT").setSuccess(true);
        String body = batch(item("pspReference", "originalReference", "merchantAccount", "reference", 1000, "EUR",
            "EVENT", "true", ADYEN_HMAC_KEY));
        AdyenNotifications.Item read = AdyenNotifications.items(utf8(body)).get(0);
        assertEquals(new HMACValidator().getDataToSign(item), read.signedData());
        assertEquals(Optional.of("ipnxGCaUZ4l8TUW75a71/ghd2Fe5ffvX0pV4TLTntIc="), read.hmacSignature());
    }

    @Test
    void contractVectorItemIsVerified() {
        // the vector's item names another merchant account: verified and stored, no effect
        Answer answer = post(batch(item("pspReference", "originalReference", "merchantAccount", "reference", 1000, "EUR",
            "EVENT", "true", ADYEN_HMAC_KEY)));
        assertEquals(200, answer.status());
        assertEquals("[accepted]", answer.json());
        assertEquals("text/plain", answer.mediaType());
        InboundNotification stored = hub.storedNotifications().get(0);
        assertEquals(ProcessingStatus.IGNORED, stored.status());
        assertTrue(stored.statusReason().orElseThrow().contains("merchant account 'merchantAccount'"),
            stored.statusReason().toString());
    }

    @Test
    void badHmacOnAnyItemRefusesTheWholeBatch() {
        String good = authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY);
        String forged = authorisation("PSP2", "order-2", 1000, "true", ADYEN_OTHER_HMAC_KEY);
        Answer answer = post(batch(good, forged));
        assertEquals(401, answer.status());
        assertTrue(answer.json().contains("\"error\""), answer.json());
        assertEquals(List.of(), hub.allTransactions());
        assertEquals(List.of(), hub.outboundTypes());
        assertEquals(1, hub.storedNotifications().size());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
    }

    @Test
    void itemWithoutSignatureIsRefused() {
        String unsigned = authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)
            .replaceAll(",\\s*\"additionalData\": \\{[^}]*}", "");
        assertEquals(401, post(batch(unsigned)).status());
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void changedAmountBreaksTheSignature() {
        String tampered = authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)
            .replace("\"value\": 1000", "\"value\": 1");
        assertEquals(401, post(batch(tampered)).status());
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void previousKeyStaysValidAfterRotation() {
        hub.configureAdyen("AUTHORIZE", ADYEN_OTHER_HMAC_KEY, ADYEN_HMAC_KEY);
        assertEquals(200, post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY))).status());
        assertEquals(200, post(batch(authorisation("PSP2", "order-2", 1000, "true", ADYEN_OTHER_HMAC_KEY))).status());
        assertEquals(2, hub.allTransactions().size());
    }

    @Test
    void droppedKeyNoLongerVerifies() {
        hub.configureAdyen("AUTHORIZE", ADYEN_OTHER_HMAC_KEY);
        assertEquals(401, post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY))).status());
    }

    @Test
    void wrongOrMissingBasicAuthIsRefused() {
        String body = batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY));
        assertEquals(401, post(body, basic(ADYEN_USER, "wrong-password")).status());
        assertEquals(401, post(body, null).status());
        assertEquals(List.of(), hub.allTransactions());
        assertEquals(200, post(body).status());
    }

    // ---- mapping --------------------------------------------------------------------------------

    @Test
    void batchOfAuthorisationAndCaptureInAuthMode() {
        Answer answer = post(batch(authorisation("PSP1", "order-1", 12_50, "true", ADYEN_HMAC_KEY),
            modification("CAPTURE", "CAP1", "PSP1", "order-1", 12_50, "true")));
        assertEquals(200, answer.status());
        assertEquals("[accepted]", answer.json());
        assertEquals(2, hub.storedNotifications().size());
        PaymentTransaction payment = hub.onlyTransaction();
        assertEquals("order-1", payment.merchantReference());
        assertEquals(Optional.of("PSP1"), payment.providerReference());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), outboundTypesSorted());
        assertEquals(List.of(step(Operation.AUTHORIZE, OperationResult.SUCCESS), step(Operation.CHARGE, OperationResult.SUCCESS)),
            steps(payment));
    }

    @Test
    void aCaptureWithAMerchantReferenceOfItsOwnIsInTheLaneOfThePaymentsPspReference() {
        post(batch(authorisation("PSP1", "order-1", 12_50, "true", ADYEN_HMAC_KEY),
            modification("CAPTURE", "CAP1", "PSP1", "capture-of-order-1", 12_50, "true"),
            authorisation("PSP2", "order-2", 30_00, "true", ADYEN_HMAC_KEY)));
        List<Integer> lanes = hub.storedNotifications().stream().map(InboundNotification::lane).toList();
        assertEquals(List.of(ApplyLanes.of("PSP1"), ApplyLanes.of("PSP1"), ApplyLanes.of("PSP2")), lanes);
    }

    @Test
    void authorisationIsASaleWhenTheChannelCharges() {
        hub.configureAdyen("CHARGE", ADYEN_HMAC_KEY);
        post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)));
        assertEquals(List.of("transaction.sale.success"), hub.outboundTypes());
        assertEquals(List.of(step(Operation.CHARGE, OperationResult.SUCCESS)), steps(hub.onlyTransaction()));
    }

    @Test
    void refusedAuthorisationIsAFailureWithAdyensReason() {
        post(batch(authorisation("PSP1", "order-1", 1000, "false", ADYEN_HMAC_KEY)));
        assertEquals(List.of("transaction.authorization.failure"), hub.outboundTypes());
        PaymentTransaction payment = hub.onlyTransaction();
        TransactionEvent last = payment.events().get(payment.events().size() - 1);
        assertEquals(OperationResult.FAILURE, last.result());
        assertTrue(last.message().contains("Refused"), last.message());
    }

    @Test
    void refusedAuthorisationInSaleModeIsASaleFailure() {
        hub.configureAdyen("CHARGE", ADYEN_HMAC_KEY);
        post(batch(authorisation("PSP1", "order-1", 1000, "false", ADYEN_HMAC_KEY)));
        assertEquals(List.of("transaction.sale.failure"), hub.outboundTypes());
    }

    @Test
    void captureFailures() {
        post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)));
        post(batch(modification("CAPTURE_FAILED", "CAP1", "PSP1", "order-1", 1000, "true")));
        post(batch(modification("CAPTURE", "CAP2", "PSP1", "order-1", 1000, "false")));
        assertEquals(List.of("transaction.authorization.success", "transaction.capture.failure",
            "transaction.capture.failure"), hub.outboundTypes());
    }

    @Test
    void cancellation() {
        post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)));
        post(batch(modification("CANCELLATION", "CAN1", "PSP1", "order-1", 1000, "false")));
        post(batch(modification("CANCELLATION", "CAN2", "PSP1", "order-1", 1000, "true")));
        assertEquals(List.of("transaction.authorization.success", "transaction.void.failure", "transaction.sale.voided"),
            hub.outboundTypes());
    }

    @Test
    void refundsReversalAndChargeback() {
        hub.configureAdyen("CHARGE", ADYEN_HMAC_KEY);
        post(batch(authorisation("PSP1", "order-1", 3000, "true", ADYEN_HMAC_KEY)));
        post(batch(modification("REFUND", "REF1", "PSP1", "order-1", 1000, "true"),
            modification("REFUND_FAILED", "REF2", "PSP1", "order-1", 500, "true"),
            modification("REFUND", "REF3", "PSP1", "order-1", 700, "false")));
        post(batch(modification("REFUNDED_REVERSED", "REF1", "PSP1", "order-1", 1000, "true")));
        post(batch(modification("CHARGEBACK", "CB1", "PSP1", "order-1", 2000, "true")));
        // events of one request share the fixture's instant, so their order among themselves is the event ids'
        assertEquals(List.of("transaction.chargeback", "transaction.refund.failure", "transaction.refund.failure",
            "transaction.refund.reversed", "transaction.refund.success", "transaction.sale.success"), outboundTypesSorted());
        assertEquals(1, hub.allTransactions().size());
    }

    @Test
    void resentBatchIsAcceptedAndAppliedOnce() {
        String body = batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY),
            modification("CAPTURE", "CAP1", "PSP1", "order-1", 1000, "true"));
        assertEquals("[accepted]", post(body).json());
        Answer again = post(body);
        assertEquals(200, again.status());
        assertEquals("[accepted]", again.json());
        assertEquals(2, hub.storedNotifications().size());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), outboundTypesSorted());
    }

    @Test
    void sameEventWithOtherSuccessIsANewNotification() {
        post(batch(authorisation("PSP1", "order-1", 1000, "false", ADYEN_HMAC_KEY)));
        post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)));
        assertEquals(2, hub.storedNotifications().size());
    }

    @Test
    void authorisationAfterTheSessionRecordedItIsAlreadyRecorded() {
        // what the Adyen app records for an Authorised /payments answer
        PaymentTransaction payment = PaymentTransaction.initialize(dev.payhooks.domain.payment.TransactionId.of("adyen-1"),
            "shop", ProviderId.ADYEN, "order-1", dev.payhooks.domain.payment.Currency.of("SEK"), PipelineFixture.NOW);
        payment.authorizationSucceeded(dev.payhooks.domain.payment.ProviderReport.of(
                dev.payhooks.domain.payment.Money.of(1000, dev.payhooks.domain.payment.Currency.of("SEK")), PipelineFixture.NOW)
            .withProviderReference("PSP1")
            .withEventKey(AdyenPayments.sessionEventKey("PSP1", OperationResult.SUCCESS, "AUTHORIZATION_SUCCESS",
                dev.payhooks.domain.payment.Money.of(1000, dev.payhooks.domain.payment.Currency.of("SEK")))));
        hub.transactions.add(hub.merchant.id(), payment);

        assertEquals("[accepted]", post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY))).json());

        InboundNotification stored = hub.storedNotifications().get(0);
        assertEquals(ProcessingStatus.IGNORED, stored.status());
        assertTrue(stored.statusReason().orElseThrow().contains("already recorded"), stored.statusReason().toString());
        assertEquals(1, hub.onlyTransaction().events().size());
        assertEquals(1000, hub.onlyTransaction().authorized().minorUnits());
    }

    @Test
    void unknownMerchantAccountIsStoredAcceptedAndIgnored() {
        String other = item("PSP9", "", "SomeoneElse_ECOM", "order-9", 1000, "SEK", "AUTHORISATION", "true", ADYEN_HMAC_KEY);
        Answer answer = post(batch(other));
        assertEquals(200, answer.status());
        assertEquals("[accepted]", answer.json());
        assertEquals(List.of(), hub.allTransactions());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
    }

    @Test
    void unknownEventCodeIsStoredAcceptedAndIgnored() {
        Answer answer = post(batch(item("PSP9", "", ADYEN_MERCHANT_ACCOUNT, "", 0, "SEK", "REPORT_AVAILABLE", "true",
            ADYEN_HMAC_KEY)));
        assertEquals("[accepted]", answer.json());
        InboundNotification stored = hub.storedNotifications().get(0);
        assertEquals(ProcessingStatus.IGNORED, stored.status());
        assertTrue(stored.statusReason().orElseThrow().contains("REPORT_AVAILABLE"));
        assertEquals(List.of(), hub.outboundTypes());
    }

    @Test
    void modificationOfAnUnknownPaymentChangesNothing() {
        post(batch(modification("CAPTURE", "CAP1", "PSP-UNKNOWN", "order-x", 1000, "true")));
        assertEquals(List.of(), hub.allTransactions());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
    }

    @Test
    void adyenMinorUnitsFollowAdyensExponents() {
        // ISK counts two decimals at Adyen and none in ISO 4217: 150000 at Adyen is ISK 1500
        post(batch(item("PSP1", "", ADYEN_MERCHANT_ACCOUNT, "order-1", 150000, "ISK", "AUTHORISATION", "true",
            ADYEN_HMAC_KEY)));
        assertEquals(1500, hub.onlyTransaction().authorized().minorUnits());
    }

    @Test
    void malformedBatchesAre400() {
        assertEquals(400, post("{\"live\": \"false\"}").status());
        assertEquals(400, post("{\"live\": \"false\", \"notificationItems\": []}").status());
        assertEquals(400, post("{\"notificationItems\": [{\"Other\": {}}]}").status());
        assertEquals(400, post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)
            .replace("\"success\": \"true\"", "\"success\": \"yes\""))).status());
        assertEquals(400, post(batch(authorisation("PSP1", "order-1", 1000, "true", ADYEN_HMAC_KEY)
            .replace("\"value\": 1000", "\"value\": 10.5"))).status());
        assertEquals(400, post("not json").status());
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void jsonAnswersForOtherProvidersAreUnchanged() {
        Answer walley = hub.post(ProviderId.WALLEY, PipelineFixture.walleyHeaders(), utf8("{\"Type\": \"walley:x\", "
            + "\"Timestamp\": \"2024-01-30T11:02:42+01:00\", \"Payload\": {}}"));
        assertEquals("application/json", walley.mediaType());
    }

    private List<String> outboundTypesSorted() {
        return hub.outboundTypes().stream().sorted().toList();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Step(Operation operation, OperationResult result) { }

    private static Step step(Operation operation, OperationResult result) {
        return new Step(operation, result);
    }

    private static List<Step> steps(PaymentTransaction payment) {
        List<Step> steps = new ArrayList<>();
        payment.events().forEach(e -> steps.add(new Step(e.operation(), e.result())));
        return steps;
    }

    private Answer post(String body) {
        return post(body, basic(ADYEN_USER, ADYEN_PASSWORD));
    }

    private Answer post(String body, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return hub.post(ProviderId.ADYEN, headers, utf8(body));
    }

    private static String batch(String... items) {
        return "{\"live\": \"false\", \"notificationItems\": [" + String.join(", ", items) + "]}";
    }

    private static String authorisation(String psp, String reference, long value, String success, String key) {
        return item(psp, "", ADYEN_MERCHANT_ACCOUNT, reference, value, "SEK", "AUTHORISATION", success, key);
    }

    private static String modification(String eventCode, String psp, String original, String reference, long value,
                                       String success) {
        return item(psp, original, ADYEN_MERCHANT_ACCOUNT, reference, value, "SEK", eventCode, success, ADYEN_HMAC_KEY);
    }

    /** An item as Adyen writes it, signed the contract's way with the library's HMAC. */
    static String item(String psp, String original, String account, String reference, long value, String currency,
                       String eventCode, String success, String key) {
        String data = String.join(":", psp, original, account, reference, String.valueOf(value), currency, eventCode,
            success);
        String signature;
        try {
            signature = new HMACValidator().calculateHMAC(data, key);
        } catch (java.security.SignatureException e) {
            throw new AssertionError(e);
        }
        return """
            {"NotificationRequestItem": {"eventCode": "%s", "success": "%s", "pspReference": "%s",
             "originalReference": "%s", "merchantAccountCode": "%s", "merchantReference": "%s",
             "amount": {"value": %d, "currency": "%s"}, "eventDate": "2026-11-23T10:00:00+01:00",
             "reason": "%s", "additionalData": {"hmacSignature": "%s"}, "operations": []}}"""
            .formatted(eventCode, success, psp, original, account, reference, value, currency,
                success.equals("true") ? "" : "Refused", signature);
    }
}
