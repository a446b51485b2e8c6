package dev.payhooks.adapters.retention;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * {@link PersonalDataRedaction} by field name, for the bodies the providers send: JSON (Adyen,
 * Walley, Annanow) and forms (Annanow). A field is personal when its name (compared without case
 * and punctuation, each part of a dotted or bracketed name on its own, as Adyen's
 * {@code additionalData} keys {@code shopperName.firstName} and Annanow's form names
 * {@code transaction[customer][email]} are written) names a person, an address, a phone number,
 * an e-mail address, a date of birth or an IP address, or is an object about a person (customer,
 * shopper, recipient, card holder), whose every text and number is redacted. Ids, amounts,
 * currencies, statuses and references never match, so the hub can still tell what a
 * notification was about. Redacted values become the string {@link #MARKER}; the body stays valid
 * JSON or a valid form, re-encoded (JSON compactly, in UTF-8).
 */
public final class PersonalFieldRedaction implements PersonalDataRedaction {

    /** Parts of a name that make a field personal wherever they appear in it. */
    private static final Set<String> PERSONAL_PARTS = Set.of("email", "phone", "telephone", "mobile", "address",
        "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "middlename", "holdername",
        "birth");
    /** Whole names that are personal. */
    private static final Set<String> PERSONAL_NAMES = Set.of("name", "initials", "infix", "street", "streetname",
        "housenumber", "housenumberorname", "postalcode", "postcode", "zip", "zipcode", "city", "town",
        "stateorprovince", "place", "dob", "ip", "shopperip", "ssn", "socialsecuritynumber", "nationalidentificationnumber",
        "personalidentitynumber", "personalnumber", "cardholder", "fax");
    /** Objects about a person: everything inside is redacted. */
    private static final Set<String> PERSONAL_OBJECTS = Set.of("customer", "shopper", "recipient", "cardholder",
        "person", "contact", "billing", "shipping");
    /** Names ending in "name" that name no person. */
    private static final Set<String> IMPERSONAL_NAMES = Set.of("merchantname", "merchantaccountname", "companyname",
        "organizationname", "storename", "shopname", "paymentmethodname", "methodname", "productname", "itemname",
        "brandname", "bankname", "issuername", "eventname", "typename", "filename", "hostname", "channelname");

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public byte[] redact(ProviderId provider, Optional<String> contentType, byte[] body) {
        try {
            boolean form = contentType.map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM)).orElse(false);
            return form ? redactForm(body) : redactJson(body);
        } catch (RuntimeException unreadable) {
            return UNREADABLE.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Whether a field of this name holds personal data (its value, or everything inside it). */
    static boolean personal(String fieldName) {
        for (String part : fieldName.split("[.\\[\\]]+")) {
            String key = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (key.isEmpty()) {
                continue;
            }
            if (PERSONAL_NAMES.contains(key) || PERSONAL_OBJECTS.contains(key)
                || key.endsWith("name") && !IMPERSONAL_NAMES.contains(key)) {
                return true;
            }
            for (String personalPart : PERSONAL_PARTS) {
                if (key.contains(personalPart)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] redactJson(byte[] body) {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException unreadable) {
            return UNREADABLE.getBytes(StandardCharsets.UTF_8);
        }
        return redacted(value, false).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue redacted(JsonValue value, boolean personal) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                    object.add(field.getKey(), redacted(field.getValue(), personal || personal(field.getKey())));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonValue item : (JsonArray) value) {
                    array.add(redacted(item, personal));
                }
                return array.build();
            }
            case STRING, NUMBER -> {
                return personal ? JSON.createValue(MARKER) : value;
            }
            default -> {
                return value; // true, false, null say nothing about a person
            }
        }
    }

    /** Each {@code name=value} pair keeps its name as sent; a personal value becomes the encoded marker. */
    private static byte[] redactForm(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.contains("\uFFFD")) { // not UTF-8: the pairs cannot be told apart safely
            return UNREADABLE.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(text.length());
        String marker = URLEncoder.encode(MARKER, StandardCharsets.UTF_8);
        String[] pairs = text.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8); // IllegalArgumentException: unreadable
            if (equals >= 0 && personal(name)) {
                out.append(rawName).append('=').append(marker);
            } else {
                out.append(pair);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
