package dev.payhooks.persistence.payment;

import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentDetails.Contact;
import dev.payhooks.domain.payment.PaymentDetails.LineItem;
import dev.payhooks.domain.payment.PaymentDetails.PaymentMethod;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a transaction's {@link PaymentDetails}: two JSON texts, the card and
 * products in {@code payment_details} ({@code {"method": {…}, "lineItems": [{…}]}}, prices in
 * minor units) and the contact in {@code contact_details} (a flat object of its fields), so that
 * retention can remove the contact alone. Null when there is nothing to store.
 */
final class PaymentDetailsJson {

    /** Looked up once: {@code Json.create…} repeats a ServiceLoader scan on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PaymentDetailsJson() {
    }

    static String writeDetails(PaymentDetails details) {
        if (details.method().isEmpty() && details.lineItems().isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        details.method().ifPresent(m -> {
            JsonObjectBuilder method = JSON.createObjectBuilder();
            optional(method, "brand", m.brand());
            optional(method, "maskedNumber", m.maskedNumber());
            optional(method, "expiry", m.expiry());
            optional(method, "wallet", m.wallet());
            json.add("method", method);
        });
        if (!details.lineItems().isEmpty()) {
            JsonArrayBuilder items = JSON.createArrayBuilder();
            for (LineItem i : details.lineItems()) {
                JsonObjectBuilder item = JSON.createObjectBuilder();
                optional(item, "name", i.name());
                if (i.price() != null) {
                    item.add("price", i.price());
                }
                if (i.quantity() != null) {
                    item.add("quantity", i.quantity());
                }
                optional(item, "sku", i.sku());
                optional(item, "vatRate", i.vatRate());
                items.add(item);
            }
            json.add("lineItems", items);
        }
        return json.build().toString();
    }

    static String writeContact(PaymentDetails details) {
        return details.contact().map(contact -> {
            JsonObjectBuilder json = JSON.createObjectBuilder();
            contact.fields().forEach(json::add);
            return json.build().toString();
        }).orElse(null);
    }

    static PaymentDetails read(String details, String contact) {
        JsonObject stored = details == null ? JsonValue.EMPTY_JSON_OBJECT : object(details);
        Optional<PaymentMethod> method = Optional.ofNullable(stored.getJsonObject("method")).map(m ->
            new PaymentMethod(text(m, "brand"), text(m, "maskedNumber"), text(m, "expiry"), text(m, "wallet")));
        List<LineItem> items = new ArrayList<>();
        if (stored.containsKey("lineItems")) {
            for (JsonObject i : stored.getJsonArray("lineItems").getValuesAs(JsonObject.class)) {
                items.add(new LineItem(text(i, "name"), number(i, "price"), number(i, "quantity"), text(i, "sku"),
                    text(i, "vatRate")));
            }
        }
        Optional<Contact> contactDetails = Optional.ofNullable(contact).map(text -> {
            Map<String, String> fields = new LinkedHashMap<>();
            object(text).forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
            return new Contact(fields);
        });
        return new PaymentDetails(method, items, contactDetails);
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalStateException("stored payment details are not a JSON object: " + e.getMessage(), e);
        }
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String text(JsonObject json, String name) {
        return json.containsKey(name) ? json.getString(name) : null;
    }

    private static Long number(JsonObject json, String name) {
        return json.containsKey(name) ? json.getJsonNumber(name).longValueExact() : null;
    }
}
