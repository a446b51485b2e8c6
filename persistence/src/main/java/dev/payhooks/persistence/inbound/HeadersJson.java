package dev.payhooks.persistence.inbound;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a notification's headers: a flat JSON object of strings. JSON escapes
 * every character a header value can hold, so any name and value read back exactly, and staff
 * can query the column with the database's JSON functions.
 */
public final class HeadersJson {

    /** Looked up once: {@code Json.create…} repeats a ServiceLoader scan on every call (see adapters' Jsonp). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private HeadersJson() {
    }

    static String write(Map<String, String> headers) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        headers.forEach(object::add);
        return object.build().toString();
    }

    public static Map<String, String> read(String json) {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalStateException("stored headers are not a JSON object: " + e.getMessage(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalStateException("stored header " + name + " is not a string but " + value.getValueType());
            }
            headers.put(name, ((JsonString) value).getString());
        });
        return headers;
    }
}
