package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.api.JsonInput;
import dev.payhooks.domain.provider.MalformedNotification;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading provider notification bodies with JSON-P: every problem is a {@link MalformedNotification}
 * (400) naming what is wrong, never a parser exception escaping as a 500.
 */
public final class ProviderJson {

    private ProviderJson() {
    }

    /** The body as one JSON object (strict UTF-8, nothing after it; {@link JsonInput}). */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw new MalformedNotification("the body is empty; a JSON object is expected");
        }
        JsonValue value;
        try {
            value = JsonInput.value(body, MAX_NESTING);
        } catch (JsonInput.Refused e) {
            throw new MalformedNotification(e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedNotification("the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** Provider bodies nest a few levels; deeper input is refused before a recursive parser sees it. */
    static final int MAX_NESTING = 32;

    public static void requireUtf8(byte[] body) {
        try {
            JsonInput.requireUtf8(body);
        } catch (JsonInput.Refused e) {
            throw new MalformedNotification(e.getMessage());
        }
    }

    /** The object's members by lower-case name (Walley mixes PascalCase and lowercase); a name given twice is refused. */
    public static Map<String, JsonValue> caseInsensitive(JsonObject object, String where) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (members.put(name.toLowerCase(Locale.ROOT), value) != null) {
                throw new MalformedNotification(where + " has the field '" + name + "' twice (names are case-insensitive)");
            }
        });
        return members;
    }

    /** A string member, absent when missing or null; another type is malformed. */
    public static Optional<String> string(Map<String, JsonValue> members, String name, String where) {
        return text(members, name, where, "a string",
            value -> value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty());
    }

    public static String requiredString(Map<String, JsonValue> members, String name, String where) {
        String text = string(members, name, where)
            .orElseThrow(() -> new MalformedNotification(where + "." + name + " is required"));
        if (text.isBlank()) {
            throw new MalformedNotification(where + "." + name + " must not be blank");
        }
        return text;
    }

    /** A number's source text (a JSON number, or a string holding one), absent when missing or null. */
    public static Optional<String> numberText(Map<String, JsonValue> members, String name, String where) {
        return text(members, name, where, "a number", value -> value instanceof JsonNumber number
            ? Optional.of(number.toString())
            : value instanceof JsonString string ? Optional.of(string.getString().strip()) : Optional.empty());
    }

    /** A small non-negative whole number (attempt counters), absent when missing. */
    public static Optional<Integer> count(Map<String, JsonValue> members, String name, String where) {
        return numberText(members, name, where).map(text -> {
            if (!text.matches("[0-9]{1,6}")) {
                throw new MalformedNotification(where + "." + name + " must be a whole number from 0 to 999999");
            }
            return Integer.parseInt(text);
        });
    }

    public static Map<String, JsonValue> object(Map<String, JsonValue> members, String name, String where) {
        JsonValue value = present(members, name)
            .orElseThrow(() -> new MalformedNotification(where + "." + name + " is required"));
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedNotification(where + "." + name + " must be an object, not " + describe(value));
        }
        return caseInsensitive(value.asJsonObject(), where + "." + name);
    }

    /**
     * A member's text as {@code read} takes it, absent when the member is missing or null; a member
     * {@code read} does not take is malformed (it is not {@code expected}).
     */
    private static Optional<String> text(Map<String, JsonValue> members, String name, String where, String expected,
                                         Function<JsonValue, Optional<String>> read) {
        return present(members, name).map(value -> read.apply(value).orElseThrow(() ->
            new MalformedNotification(where + "." + name + " must be " + expected + ", not " + describe(value))));
    }

    /** The member, absent when it is missing or null. */
    private static Optional<JsonValue> present(Map<String, JsonValue> members, String name) {
        JsonValue value = members.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
    }

    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
