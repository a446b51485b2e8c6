package dev.payhooks.adapters.api;

import dev.payhooks.domain.error.InvalidField;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;

/**
 * A JSON request body, read with a size limit through {@link JsonInput} (strict UTF-8, bounded
 * nesting, no NUL) and checked field by field, so every problem becomes a 4xx naming the field
 * rather than a generic binding error.
 */
public final class JsonBody {

    /** Management API bodies are small; anything larger is refused before parsing. */
    public static final int MAX_BYTES = 64 * 1024;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody read(InputStream in) {
        return read(in, MAX_BYTES);
    }

    /** With a limit of the endpoint's own (the publish API takes events up to 256 KiB). */
    public static JsonBody read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new ApiProblem(413, "Request body is larger than " + maxBytes / 1024 + " KiB");
        }
        if (bytes.length == 0) {
            throw new ApiProblem(400, "Request body is empty; a JSON object is expected");
        }
        JsonValue value;
        try {
            value = JsonInput.value(bytes);
        } catch (JsonInput.Refused e) {
            String message = e.getMessage();
            throw new ApiProblem(400, Character.toUpperCase(message.charAt(0)) + message.substring(1));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiProblem(400, "Request body must be a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    /** An object already in hand (a merge patch's result), checked like a request body. */
    public static JsonBody of(JsonObject object) {
        return new JsonBody(java.util.Objects.requireNonNull(object, "object"));
    }

    public JsonObject object() {
        return object;
    }

    /** Refuses fields the endpoint does not know: a typo must not be silently ignored. */
    public JsonBody allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidField(name, "unknown field; expected " + String.join(", ", Arrays.stream(fields).sorted().toList()));
            }
        }
        return this;
    }

    public String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }

    /** The string value, or null when the field is absent; any other JSON type is refused. */
    public String optionalString(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidField(field, "must be a string, not " + describe(value));
    }

    /** A nested object, or null when absent; other JSON types are refused. */
    public JsonBody optionalObject(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidField(field, "must be an object, not " + describe(value));
        }
        return new JsonBody(value.asJsonObject());
    }

    /** A list of strings, or null when absent. */
    public java.util.List<String> optionalStrings(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidField(field, "must be a list of strings, not " + describe(value));
        }
        java.util.List<String> strings = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString text)) {
                throw new InvalidField(field, "must be a list of strings, not a list containing " + describe(item));
            }
            strings.add(text.getString());
        }
        return strings;
    }

    public Boolean optionalBoolean(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new InvalidField(field, "must be true or false, not " + describe(value));
    }

    /** A whole number, or null when absent. */
    public Integer optionalInt(String field) {
        Long value = optionalLong(field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new InvalidField(field, "is out of range");
        }
        return value == null ? null : value.intValue();
    }

    /** A whole number that fits in 64 bits, or null when absent. */
    public Long optionalLong(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooBig) {
                throw new InvalidField(field, "is out of range");
            }
        }
        throw new InvalidField(field, "must be a whole number, not " + describe(value));
    }

    /** Prefixes the field names of errors in a nested object: {@code authentication.username}. */
    public JsonBody allowOnlyIn(String prefix, String... fields) {
        try {
            return allowOnly(fields);
        } catch (InvalidField e) {
            throw e.nestedIn(prefix);
        }
    }

    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }
}
