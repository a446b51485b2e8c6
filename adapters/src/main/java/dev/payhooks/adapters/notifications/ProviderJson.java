package dev.payhooks.adapters.notifications;

import dev.payhooks.domain.provider.MalformedNotification;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading provider notification bodies with JSON-P: every problem is a {@link MalformedNotification}
 * (400) naming what is wrong, never a parser exception escaping as a 500.
 */
public final class ProviderJson {

    private ProviderJson() {
    }

    /** The body as one JSON object (strict UTF-8, nothing after it). */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw new MalformedNotification("the body is empty; a JSON object is expected");
        }
        requireUtf8(body);
        requireShallow(body);
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedNotification("the body must be a JSON object");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new MalformedNotification("unexpected content after the JSON object");
            }
            return object;
        } catch (JsonParsingException e) {
            throw new MalformedNotification("malformed JSON at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber());
        } catch (MalformedNotification e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's verdict on these bytes (JsonException, or Parsson's own limits): the body's fault
            throw new MalformedNotification("malformed JSON");
        }
    }

    /** Provider bodies nest a few levels; deeper input is refused before a recursive parser sees it. */
    static final int MAX_NESTING = 32;

    private static void requireShallow(byte[] body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_NESTING) {
                    throw new MalformedNotification("the JSON nests deeper than " + MAX_NESTING + " levels");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    public static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new MalformedNotification("the body is not valid UTF-8");
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
        JsonValue value = members.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new MalformedNotification(where + "." + name + " must be a string, not " + describe(value));
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
        JsonValue value = members.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.toString());
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString().strip());
        }
        throw new MalformedNotification(where + "." + name + " must be a number, not " + describe(value));
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
        JsonValue value = members.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedNotification(where + "." + name + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedNotification(where + "." + name + " must be an object, not " + describe(value));
        }
        return caseInsensitive(value.asJsonObject(), where + "." + name);
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
