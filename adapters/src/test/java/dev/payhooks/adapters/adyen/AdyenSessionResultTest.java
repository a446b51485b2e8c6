package dev.payhooks.adapters.adyen;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdyenSessionResultTest {

    private static JsonObject response(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void authorisedIsSuccessPerCaptureStrategy() {
        JsonObject authorised = response("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}");
        assertEquals("AUTHORIZATION_SUCCESS", AdyenSessionResult.of(authorised, false).result());
        assertEquals("CHARGE_SUCCESS", AdyenSessionResult.of(authorised, true).result());
        assertEquals(Optional.of("PSP1"), AdyenSessionResult.of(authorised, true).pspReference());
    }

    @Test
    void anActionOrNoPspReferenceNeedsAction() {
        assertEquals("CHARGE_ACTION_REQUIRED", AdyenSessionResult.of(response(
            "{\"resultCode\": \"RedirectShopper\", \"action\": {\"type\": \"redirect\", \"url\": \"https://x\"}}"), true).result());
        assertEquals("AUTHORIZATION_ACTION_REQUIRED", AdyenSessionResult.of(response(
            "{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\", \"action\": {\"type\": \"threeDS2\"}}"), false).result());
        assertEquals("CHARGE_ACTION_REQUIRED", AdyenSessionResult.of(response("{\"resultCode\": \"Authorised\"}"), true).result());
        assertEquals("CHARGE_ACTION_REQUIRED", AdyenSessionResult.of(response(
            "{\"pspReference\": \"PSP1\", \"resultCode\": \"ChallengeShopper\"}"), true).result());
    }

    @Test
    void refusedErrorAndCancelledFailWithTheRefusalReason() {
        for (String code : new String[] {"Refused", "Error", "Cancelled"}) {
            AdyenSessionResult result = AdyenSessionResult.of(response(
                "{\"pspReference\": \"PSP1\", \"resultCode\": \"" + code + "\", \"refusalReason\": \"CVC Declined\"}"), false);
            assertEquals("AUTHORIZATION_FAILURE", result.result());
            assertTrue(result.message().contains(code) && result.message().contains("CVC Declined"), result.message());
        }
        assertEquals("CHARGE_FAILURE", AdyenSessionResult.of(response("{\"resultCode\": \"Refused\"}"), true).result());
    }

    @Test
    void pendingAndReceivedAreRequests() {
        assertEquals("CHARGE_REQUEST", AdyenSessionResult.of(response(
            "{\"pspReference\": \"PSP1\", \"resultCode\": \"Pending\"}"), true).result());
        assertEquals("AUTHORIZATION_REQUEST", AdyenSessionResult.of(response(
            "{\"pspReference\": \"PSP1\", \"resultCode\": \"Received\"}"), false).result());
    }

    @Test
    void cardDetailsFromThePaymentMethodAndCardSummary() {
        JsonObject details = AdyenSessionResult.paymentMethodDetails(response("""
            {"pspReference": "PSP1", "resultCode": "Authorised", "paymentMethod": {"type": "scheme", "brand": "visa"},
             "additionalData": {"cardSummary": "1111"}}""")).orElseThrow();
        assertEquals("CARD", details.getString("type"));
        assertEquals("visa", details.getString("brand"));
        assertEquals("scheme", details.getString("name"));
        assertEquals("1111", details.getString("lastDigits"));
    }

    @Test
    void otherMethodsAreOtherAndAbsentOnesGiveNothing() {
        JsonObject ideal = AdyenSessionResult.paymentMethodDetails(response(
            "{\"paymentMethod\": {\"type\": \"ideal\"}, \"additionalData\": {\"cardSummary\": \"1111\"}}")).orElseThrow();
        assertEquals("OTHER", ideal.getString("type"));
        assertEquals(false, ideal.containsKey("lastDigits"));
        assertEquals(Optional.empty(), AdyenSessionResult.paymentMethodDetails(response("{\"resultCode\": \"Authorised\"}")));
    }

    @Test
    void errorsCarryAdyensCodeAndStatus() {
        JsonObject error = AdyenSessionResult.errors("AdyenApiError", "Invalid amount", Optional.of("14_0"), 422).build()
            .getJsonObject(0);
        assertEquals("AdyenApiError", error.getString("code"));
        assertEquals("14_0", error.getJsonObject("details").getString("errorCode"));
        assertEquals(422, error.getJsonObject("details").getInt("statusCode"));
    }
}
