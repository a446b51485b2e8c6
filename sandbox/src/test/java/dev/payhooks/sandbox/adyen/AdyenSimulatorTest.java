package dev.payhooks.sandbox.adyen;

import dev.payhooks.adapters.notifications.PipelineFixture;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's Adyen: the test-card table, details, and modifications that notify the hub, signed. */
class AdyenSimulatorTest {

    static final String API_KEY = "adyen-api-key-123456";

    PipelineFixture hub;
    AdyenSimulator simulator;
    final List<String> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        hub = new PipelineFixture();
        hub.configureAdyen("AUTHORIZE", ADYEN_HMAC_KEY);
        AdyenSimulator.Account account = new AdyenSimulator.Account(hub.merchant.id(), "shop",
            hub.endpointKey(ProviderId.ADYEN), API_KEY, ADYEN_MERCHANT_ACCOUNT, ADYEN_HMAC_KEY, Optional.of(ADYEN_USER),
            Optional.of(ADYEN_PASSWORD));
        simulator = new AdyenSimulator(merchantAccount -> merchantAccount.equals(ADYEN_MERCHANT_ACCOUNT)
            ? List.of(account) : List.of(), (to, batch) -> sent.add(batch), hub.clock);
    }

    @Test
    void unknownApiKeyOrMerchantAccountIsAdyens401() {
        assertEquals(401, simulator.handle("POST", "paymentMethods", "wrong-key",
            "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT + "\"}").status());
        assertEquals(401, simulator.handle("POST", "paymentMethods", null,
            "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT + "\"}").status());
        assertEquals(401, simulator.handle("POST", "paymentMethods", API_KEY, "{\"merchantAccount\": \"Other\"}").status());
    }

    @Test
    void paymentMethodsListCardsAndRedirectMethods() {
        JsonObject methods = call("paymentMethods", "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT + "\"}", 200);
        assertEquals("scheme", methods.getJsonArray("paymentMethods").getJsonObject(0).getString("type"));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3} {4}")
    @CsvSource({
        "test_4111111145551142, '', 1000, Authorised, ''",
        "5555341244441115, '', 1000, Authorised, ''",
        "test_370000000000002, '', 1000, Authorised, ''",
        "test_4111111145551142, DECLINED, 1000, Refused, Refused",
        "test_4111111145551142, card_expired, 1000, Refused, Expired Card",
        "test_4111111145551142, ERROR, 1000, Error, Acquirer Error",
        "test_4111111145551142, '', 100001, Refused, Not enough balance",
        "test_4000000000000002, '', 1000, Refused, Invalid Card Number",
    })
    void testCardTable(String number, String holder, long value, String resultCode, String refusalReason) {
        JsonObject answer = call("payments", payment(number, holder, value), 200);
        assertEquals(resultCode, answer.getString("resultCode"));
        assertEquals(refusalReason, answer.getString("refusalReason", ""));
        assertTrue(answer.getString("pspReference").startsWith("SIM"));
        assertFalse(answer.containsKey("action"));
    }

    @ParameterizedTest
    @CsvSource({"test_4917610000000000, RedirectShopper, redirectResult", "test_5454545454545454, IdentifyShopper, threeDSResult"})
    void threeDsCardsAskForAnActionAndDetailsAuthorise(String number, String resultCode, String detailsField) {
        JsonObject first = call("payments", payment(number, "", 1000), 200);
        assertEquals(resultCode, first.getString("resultCode"));
        String paymentData = first.getJsonObject("action").getString("paymentData");

        JsonObject details = call("payments/details", "{\"details\": {\"" + detailsField + "\": \"" + paymentData + "\"}}", 200);
        assertEquals("Authorised", details.getString("resultCode"));
        assertEquals(first.getString("pspReference"), details.getString("pspReference"));
        assertEquals(number.substring(number.length() - 4), details.getJsonObject("additionalData").getString("cardSummary"));
        // the same details again: nothing waits for them any more
        assertEquals(422, simulator.handle("POST", "payments/details", API_KEY,
            "{\"details\": {\"" + detailsField + "\": \"" + paymentData + "\"}}").status());
    }

    @Test
    void captureIsReceivedAndItsSignedNotificationChangesThePaymentInTheHub() {
        String psp = call("payments", payment("test_4111111145551142", "", 2500), 200).getString("pspReference");
        // the hub records the authorisation from the session answer; here the AUTHORISATION notification plays it
        deliver(simulator.batch(account(), psp, "", "order-1", 2500, "SEK", "AUTHORISATION"));

        JsonObject capture = call("payments/" + psp + "/captures", "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT
            + "\", \"reference\": \"order-1\", \"amount\": {\"value\": 2500, \"currency\": \"SEK\"}}", 201);
        assertEquals("received", capture.getString("status"));
        assertEquals(psp, capture.getString("paymentPspReference"));
        assertEquals(1, sent.size());
        assertEquals("[accepted]", deliver(sent.get(0)));

        PaymentTransaction payment = hub.onlyTransaction();
        assertEquals(List.of(Operation.AUTHORIZE, Operation.CHARGE),
            payment.events().stream().map(e -> e.operation()).toList());
        assertEquals(capture.getString("pspReference"), firstItem(sent.get(0)).getString("pspReference"));
    }

    @Test
    void refundAndCancelNotifyTooAndBadModificationsAreRefused() {
        String psp = call("payments", payment("test_4111111145551142", "", 2500), 200).getString("pspReference");
        assertEquals(422, simulator.handle("POST", "payments/" + psp + "/captures", API_KEY, "{\"merchantAccount\": \""
            + ADYEN_MERCHANT_ACCOUNT + "\", \"amount\": {\"value\": 9999, \"currency\": \"SEK\"}}").status());
        assertEquals(422, simulator.handle("POST", "payments/UNKNOWN/cancels", API_KEY, "{\"merchantAccount\": \""
            + ADYEN_MERCHANT_ACCOUNT + "\"}").status());
        call("payments/" + psp + "/refunds", "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT
            + "\", \"amount\": {\"value\": 500, \"currency\": \"SEK\"}}", 201);
        call("payments/" + psp + "/cancels", "{\"merchantAccount\": \"" + ADYEN_MERCHANT_ACCOUNT + "\"}", 201);
        assertEquals(List.of("REFUND", "CANCELLATION"), sent.stream()
            .map(b -> firstItem(b).getString("eventCode")).toList());
        assertEquals(500, firstItem(sent.get(0)).getJsonObject("amount").getJsonNumber("value").longValue());
    }

    /** The first NotificationRequestItem of a batch the simulator sent. */
    static JsonObject firstItem(String batch) {
        return Json.createReader(new StringReader(batch)).readObject().getJsonArray("notificationItems")
            .getJsonObject(0).getJsonObject("NotificationRequestItem");
    }

    AdyenSimulator.Account account() {
        return new AdyenSimulator.Account(hub.merchant.id(), "shop", hub.endpointKey(ProviderId.ADYEN), API_KEY,
            ADYEN_MERCHANT_ACCOUNT, ADYEN_HMAC_KEY, Optional.of(ADYEN_USER), Optional.of(ADYEN_PASSWORD));
    }

    String deliver(String batch) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", basic(ADYEN_USER, ADYEN_PASSWORD));
        return hub.post(ProviderId.ADYEN, headers, utf8(batch)).json();
    }

    JsonObject call(String path, String body, int status) {
        AdyenSimulator.Answer answer = simulator.handle("POST", path, API_KEY, body);
        assertEquals(status, answer.status(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    static String payment(String number, String holder, long value) {
        return """
            {"merchantAccount": "%s", "reference": "order-1", "amount": {"value": %d, "currency": "SEK"},
             "paymentMethod": {"type": "scheme", "encryptedCardNumber": "%s", "holderName": "%s"},
             "metadata": {"channelId": "shop"}}""".formatted(ADYEN_MERCHANT_ACCOUNT, value, number, holder);
    }
}
