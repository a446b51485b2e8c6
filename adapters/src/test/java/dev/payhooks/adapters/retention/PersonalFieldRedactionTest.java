package dev.payhooks.adapters.retention;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalFieldRedactionTest {

    private static final Optional<String> JSON_TYPE = Optional.of("application/json");
    private static final Optional<String> FORM_TYPE = Optional.of("application/x-www-form-urlencoded");
    private static final String MARKER = PersonalDataRedaction.MARKER;

    private final PersonalFieldRedaction redaction = new PersonalFieldRedaction();

    @Test
    void adyenItemsKeepWhatTheHubNeedsAndLoseTheShopper() {
        String body = """
            {"live": "false", "notificationItems": [{"NotificationRequestItem": {
              "eventCode": "AUTHORISATION", "success": "true", "pspReference": "QFQTPCQ8HXSKGK82",
              "originalReference": "", "merchantAccountCode": "PayhooksECOM", "merchantReference": "order-1042",
              "amount": {"value": 12950, "currency": "SEK"}, "eventDate": "2026-11-23T10:15:30+01:00",
              "paymentMethod": "visa", "reason": "032128:1111:03/2030",
              "additionalData": {"hmacSignature": "9Yh6o8Nq1Wc0DpN6x8Vq5J3a1lXQ2m5Z0yq8o9b1c2E=",
                "shopperEmail": "anna.svensson@example.se", "cardHolderName": "Anna Svensson",
                "shopperName.firstName": "Anna", "shopperName.lastName": "Svensson",
                "billingAddress.street": "Storgatan", "billingAddress.houseNumberOrName": "12",
                "billingAddress.postalCode": "11122", "billingAddress.city": "Stockholm",
                "billingAddress.country": "SE", "deliveryAddress.street": "Storgatan",
                "shopperTelephone": "+46701234567", "shopperIP": "192.0.2.10", "shopperReference": "cust-77",
                "cardSummary": "1111", "authCode": "032128", "paymentMethodVariant": "visa"}}}]}""";

        JsonObject item = json(redaction.redact(ProviderId.ADYEN, JSON_TYPE, utf8(body)))
            .getJsonArray("notificationItems").getJsonObject(0).getJsonObject("NotificationRequestItem");

        assertEquals("AUTHORISATION", item.getString("eventCode"));
        assertEquals("true", item.getString("success"));
        assertEquals("QFQTPCQ8HXSKGK82", item.getString("pspReference"));
        assertEquals("order-1042", item.getString("merchantReference"));
        assertEquals("PayhooksECOM", item.getString("merchantAccountCode"));
        assertEquals(12950, item.getJsonObject("amount").getInt("value"));
        assertEquals("SEK", item.getJsonObject("amount").getString("currency"));
        JsonObject data = item.getJsonObject("additionalData");
        for (String personal : new String[] {"shopperEmail", "cardHolderName", "shopperName.firstName",
            "shopperName.lastName", "billingAddress.street", "billingAddress.houseNumberOrName",
            "billingAddress.postalCode", "billingAddress.city", "billingAddress.country", "deliveryAddress.street",
            "shopperTelephone", "shopperIP"}) {
            assertEquals(MARKER, data.getString(personal), personal);
        }
        for (String kept : new String[] {"hmacSignature", "shopperReference", "cardSummary", "authCode", "paymentMethodVariant"}) {
            assertFalse(data.getString(kept).equals(MARKER), kept);
        }
    }

    @Test
    void walleyPayloadsLoseTheCustomerAndAddressesButKeepTheOrder() {
        String body = """
            {"Type": "walley:order:authorized", "Timestamp": "2024-01-30T11:02:42+01:00",
             "Payload": {"OrderId": "0b8e1c2a-7d44-4f1b-9a53-2f6f6b1d9e10", "Amount": 1250.50, "Currency": "SEK",
               "Status": "Authorized", "Reference": "order-1042", "AuthorizationId": "auth-9",
               "CustomerToken": "ct-123", "RequiresIdentityCheck": false,
               "Customer": {"Email": "anna.svensson@example.se", "MobilePhoneNumber": "0701234567",
                 "FirstName": "Anna", "LastName": "Svensson", "BirthDate": "1990-01-01"},
               "DeliveryAddress": {"Address1": "Storgatan 12", "PostalCode": "11122", "City": "Stockholm",
                 "Country": "SE", "Coordinates": [59.33, 18.06]},
               "InvoiceAddress": {"FirstName": "Anna", "Address1": "Storgatan 12"}}}""";

        JsonObject redacted = json(redaction.redact(ProviderId.WALLEY, JSON_TYPE, utf8(body)));
        JsonObject payload = redacted.getJsonObject("Payload");

        assertEquals("walley:order:authorized", redacted.getString("Type"));
        assertEquals("0b8e1c2a-7d44-4f1b-9a53-2f6f6b1d9e10", payload.getString("OrderId"));
        assertEquals("1250.50", payload.getJsonNumber("Amount").toString());
        assertEquals("SEK", payload.getString("Currency"));
        assertEquals("Authorized", payload.getString("Status"));
        assertEquals("order-1042", payload.getString("Reference"));
        assertEquals("auth-9", payload.getString("AuthorizationId"));
        assertEquals("ct-123", payload.getString("CustomerToken"));
        assertFalse(payload.getBoolean("RequiresIdentityCheck"));
        JsonObject customer = payload.getJsonObject("Customer");
        customer.keySet().forEach(field -> assertEquals(MARKER, customer.getString(field), field));
        assertEquals(MARKER, payload.getJsonObject("DeliveryAddress").getString("Country"));
        assertEquals(MARKER, payload.getJsonObject("DeliveryAddress").getJsonArray("Coordinates").getString(0));
        assertEquals(MARKER, payload.getJsonObject("InvoiceAddress").getString("FirstName"));
        String text = new String(redaction.redact(ProviderId.WALLEY, JSON_TYPE, utf8(body)), StandardCharsets.UTF_8);
        assertFalse(text.contains("Svensson") || text.contains("0701234567") || text.contains("Storgatan"), text);
    }

    @Test
    void annanowJsonAndFormsKeepTheTransaction() {
        String json = """
            {"transaction": {"id": 501, "status": "confirmed", "amount": 1000, "referenceId": "order-1042",
              "invoice": {"currency": "CHF", "paymentRequestId": 9, "referenceId": "order-1042"},
              "contact": {"title": "mrs", "firstname": "Anna", "lastname": "Muster", "street": "Bahnhofstrasse 1",
                "zip": "8001", "place": "Zürich", "country": "CH", "phone": "+41791234567", "email": "anna@example.ch"}}}""";
        JsonObject transaction = json(redaction.redact(ProviderId.ANNANOW, JSON_TYPE, utf8(json))).getJsonObject("transaction");
        assertEquals(501, transaction.getInt("id"));
        assertEquals("confirmed", transaction.getString("status"));
        assertEquals(1000, transaction.getInt("amount"));
        assertEquals("order-1042", transaction.getString("referenceId"));
        assertEquals("CHF", transaction.getJsonObject("invoice").getString("currency"));
        assertEquals(9, transaction.getJsonObject("invoice").getInt("paymentRequestId"));
        JsonObject contact = transaction.getJsonObject("contact");
        contact.keySet().forEach(field -> assertEquals(MARKER, contact.getString(field), field));

        String form = "transaction[id]=501&transaction[status]=confirmed&transaction[amount]=1000"
            + "&transaction[invoice][currency]=CHF&transaction[contact][email]=anna%40example.ch"
            + "&transaction%5Bcontact%5D%5Bfirstname%5D=Anna&transaction[referenceId]=order-1042";
        assertEquals("transaction[id]=501&transaction[status]=confirmed&transaction[amount]=1000"
            + "&transaction[invoice][currency]=CHF&transaction[contact][email]=%5Bredacted%5D"
            + "&transaction%5Bcontact%5D%5Bfirstname%5D=%5Bredacted%5D&transaction[referenceId]=order-1042",
            new String(redaction.redact(ProviderId.ANNANOW, FORM_TYPE, utf8(form)), StandardCharsets.US_ASCII));
    }

    @Test
    void bodiesThatCannotBeReadAreReplacedWhole() {
        byte[] unreadable = utf8(PersonalDataRedaction.UNREADABLE);
        assertEquals(PersonalDataRedaction.UNREADABLE, text(redaction.redact(ProviderId.WALLEY, JSON_TYPE,
            utf8("{\"Customer\": {\"Email\": \"anna@example.se\""))));
        assertEquals(PersonalDataRedaction.UNREADABLE, text(redaction.redact(ProviderId.ANNANOW, FORM_TYPE,
            utf8("transaction[contact][email]=anna%4&transaction%ZZ=1"))));
        assertEquals(PersonalDataRedaction.UNREADABLE, text(redaction.redact(ProviderId.ANNANOW, FORM_TYPE,
            new byte[] {'a', '=', (byte) 0xC3})));
        assertEquals(PersonalDataRedaction.UNREADABLE, text(redaction.redact(ProviderId.ADYEN, Optional.empty(), new byte[0])));
        assertEquals(unreadable.length, redaction.redact(ProviderId.ADYEN, Optional.empty(), utf8("not json")).length);
    }

    @Test
    void fieldNamesThatNameNoPersonAreKept() {
        for (String kept : new String[] {"id", "pspReference", "merchantReference", "amount", "currency", "status",
            "eventCode", "OrderId", "CustomerToken", "paymentMethodName", "merchantAccountCode", "shopperReference",
            "paymentRequestId", "hmacSignature", "Timestamp"}) {
            assertFalse(PersonalFieldRedaction.personal(kept), kept);
        }
        for (String personal : new String[] {"name", "holderName", "shopperEmail", "billingAddress.city",
            "transaction[contact][phone]", "DateOfBirth", "customer"}) {
            assertTrue(PersonalFieldRedaction.personal(personal), personal);
        }
    }

    private static JsonObject json(byte[] body) {
        return JSON.createReader(new StringReader(text(body))).readObject();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
