package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.retention.PersonalFieldRedaction;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentDetails.Contact;
import dev.payhooks.domain.payment.PaymentDetails.LineItem;
import dev.payhooks.domain.payment.PaymentDetails.PaymentMethod;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnanowDetailsTest {

    static final String JSON = """
        {"transaction": {"id": 7, "status": "confirmed", "amount": 2590,
          "payment": {"brand": "VISA", "cardNumber": "424242******4242", "expiry": "27-08", "wallet": "apple-pay"},
          "invoice": {"currency": "CHF", "products": [
              {"name": "Tée", "price": 1250, "quantity": 2, "sku": "tea-1", "vatRate": 8.1},
              {"name": "Cup", "amount": 90, "quantity": 1, "sku": "cup"}]},
          "contact": {"id": 5, "uuid": "c-5", "title": "mrs", "firstname": "Anna", "lastname": "Now", "company": "Annanow AG",
                      "street": "Bahnhofstrasse 1", "zip": "8001", "place": "Zürich", "country": "Switzerland",
                      "countryISO": "CH", "phone": "+41 44 000 00 00", "email": "anna@example.test",
                      "date_of_birth": "01.02.1990", "delivery_firstname": "Bob", "delivery_street": "Hauptgasse 2",
                      "favourite_colour": "green"}}}
        """;

    static final String FORM = "transaction[id]=7&transaction[status]=confirmed&transaction[amount]=2590"
        + "&transaction[payment][brand]=VISA&transaction[payment][cardNumber]=424242******4242"
        + "&transaction[payment][expiry]=27-08&transaction[payment][wallet]=apple-pay"
        + "&transaction[invoice][currency]=CHF"
        + "&transaction[invoice][products][0][name]=T%C3%A9e&transaction[invoice][products][0][price]=1250"
        + "&transaction[invoice][products][0][quantity]=2&transaction[invoice][products][0][sku]=tea-1"
        + "&transaction[invoice][products][0][vatRate]=8.1"
        + "&transaction[invoice][products][1][name]=Cup&transaction[invoice][products][1][amount]=90"
        + "&transaction[invoice][products][1][quantity]=1&transaction[invoice][products][1][sku]=cup"
        + "&transaction[contact][id]=5&transaction[contact][uuid]=c-5&transaction[contact][title]=mrs"
        + "&transaction[contact][firstname]=Anna&transaction[contact][lastname]=Now"
        + "&transaction[contact][company]=Annanow+AG&transaction[contact][street]=Bahnhofstrasse+1"
        + "&transaction[contact][zip]=8001&transaction[contact][place]=Z%C3%BCrich"
        + "&transaction[contact][country]=Switzerland&transaction[contact][countryISO]=CH"
        + "&transaction[contact][phone]=%2B41+44+000+00+00&transaction[contact][email]=anna%40example.test"
        + "&transaction[contact][date_of_birth]=01.02.1990&transaction[contact][delivery_firstname]=Bob"
        + "&transaction[contact][delivery_street]=Hauptgasse+2&transaction[contact][favourite_colour]=green";

    static PaymentDetails json(String body) {
        return AnnanowDetails.of(AnnanowFields.fromJson(body.getBytes(StandardCharsets.UTF_8)));
    }

    static PaymentDetails form(String body) {
        return AnnanowDetails.of(AnnanowFields.fromForm(body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void bothEncodingsGiveTheSameCardProductsAndContact() {
        PaymentDetails fromJson = json(JSON);

        assertEquals(fromJson, form(FORM));
        assertEquals(Optional.of(new PaymentMethod("VISA", "424242******4242", "27-08", "apple-pay")), fromJson.method());
        assertEquals(List.of(new LineItem("Tée", 1250L, 2L, "tea-1", "8.1"), new LineItem("Cup", 90L, 1L, "cup", null)),
            fromJson.lineItems());
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("title", "mrs");
        contact.put("firstname", "Anna");
        contact.put("lastname", "Now");
        contact.put("company", "Annanow AG");
        contact.put("street", "Bahnhofstrasse 1");
        contact.put("zip", "8001");
        contact.put("place", "Zürich");
        contact.put("country", "Switzerland");
        contact.put("countryISO", "CH");
        contact.put("phone", "+41 44 000 00 00");
        contact.put("email", "anna@example.test");
        contact.put("date_of_birth", "01.02.1990");
        contact.put("delivery_firstname", "Bob");
        contact.put("delivery_street", "Hauptgasse 2");
        assertEquals(contact, fromJson.contact().orElseThrow().fields(), "only the contract's fields, ids and others left out");
        assertEquals(List.copyOf(contact.keySet()), List.copyOf(fromJson.contact().orElseThrow().fields().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "42424242****4242424",
        "card 4242", "*", "4242424242424242*"})
    void aCardNumberThatIsNotMaskedIsNeverKeptButTheRestOfTheCardIs(String number) {
        String body = """
            {"transaction": {"id": 1, "status": "confirmed", "amount": 1, "invoice": {"currency": "CHF"},
              "payment": {"brand": "VISA", "cardNumber": "%s", "expiry": "27-08"}}}""".formatted(number);

        PaymentMethod method = json(body).method().orElseThrow();

        assertEquals(new PaymentMethod("VISA", null, "27-08", null), method);
        assertFalse(json(body).toString().contains("4242424242"), "the full number is nowhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"424242******4242", "**** **** **** 4242", "xxxxxxxxxxxx4242", "4242 XXXX XXXX 4242", "•••• 4242"})
    void maskedCardNumbersAreKept(String number) {
        assertTrue(PaymentMethod.isMasked(number), number);
    }

    @Test
    void partsThatDoNotReadAsDocumentedAreLeftOutWithoutRefusingTheNotification() {
        String body = """
            {"transaction": {"id": 1, "status": "confirmed", "amount": 1,
              "payment": {"brand": {"nested": true}, "cardNumber": "4111111111111111", "expiry": "2027-08"},
              "invoice": {"currency": "CHF", "products": [{"name": "Tea", "price": "12.50", "quantity": -1,
                           "vatRate": "lots"}, "not a product", {}]},
              "contact": {"email": ["a", "b"], "id": 4}}}""";

        PaymentDetails details = json(body);

        assertEquals(PaymentDetails.NONE.method(), details.method());
        assertEquals(List.of(new LineItem("Tea", null, null, null, null)), details.lineItems());
        assertEquals(Optional.empty(), details.contact());
        assertEquals(PaymentDetails.NONE, json("{\"transaction\": {\"id\": 1, \"status\": \"confirmed\"}}"));
    }

    @Test
    void retentionRedactionOfTheStoredBodyTakesEveryContactValueAndLeavesTheCardAndWhatProductsCost() {
        PersonalFieldRedaction redaction = new PersonalFieldRedaction();
        PaymentDetails fromJson = json(new String(redaction.redact(ProviderId.ANNANOW, Optional.of("application/json"),
            JSON.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        PaymentDetails fromForm = form(new String(redaction.redact(ProviderId.ANNANOW,
            Optional.of("application/x-www-form-urlencoded"), FORM.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));

        for (PaymentDetails redacted : List.of(fromJson, fromForm)) {
            assertEquals(json(JSON).method(), redacted.method());
            // a bare "name" is taken for a person's wherever it appears, so product names go too
            assertEquals(json(JSON).lineItems().stream().map(i -> new LineItem("[redacted]", i.price(), i.quantity(), i.sku(),
                i.vatRate())).toList(), redacted.lineItems());
            assertEquals(json(JSON).contact().orElseThrow().masked(), redacted.contact().orElseThrow());
        }
    }

    @Test
    void aContactMaskedForViewersKeepsItsFieldNames() {
        Contact masked = json(JSON).contact().orElseThrow().masked();
        assertEquals(json(JSON).contact().orElseThrow().fields().keySet(), masked.fields().keySet());
        assertTrue(masked.fields().values().stream().allMatch("[redacted]"::equals), masked.toString());
    }
}
