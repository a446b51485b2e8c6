package dev.payhooks.adapters.api;

import jakarta.json.JsonArray;
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

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * The one way JSON that arrives from outside is read: management API bodies ({@link JsonBody}),
 * provider notifications ({@code ProviderJson}), Saleor webhooks and the sandboxes. Before the
 * parser builds anything the bytes must be strict UTF-8 (no silent U+FFFD) and nest at most
 * {@link #MAX_DEPTH} levels (the parser builds nested values recursively: a deep enough body
 * would overflow the stack, a 500); after parsing no string, key or value, may contain U+0000
 * (PostgreSQL text cannot hold it and would refuse the row with a 500, where H2 stores it).
 * Every refusal is a {@link Refused} whose message names the problem and never echoes the input;
 * each caller turns it into its own 400.
 */
public final class JsonInput {

    /** Deeper JSON is refused; real bodies nest a handful of levels. */
    public static final int MAX_DEPTH = 64;

    /** Input that is not acceptable JSON; the message is safe to show to the sender. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private JsonInput() {
    }

    /** One JSON value (of any type) and nothing after it, nesting at most {@link #MAX_DEPTH} levels. */
    public static JsonValue value(byte[] bytes) {
        return value(bytes, MAX_DEPTH);
    }

    /** With a tighter nesting limit of the caller's own. */
    public static JsonValue value(byte[] bytes, int maxDepth) {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be 1.." + MAX_DEPTH + " (was " + maxDepth + ")");
        }
        requireUtf8(bytes);
        requireDepthAtMost(bytes, maxDepth);
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext()) {
                throw new Refused("malformed JSON: no value");
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new Refused("unexpected content after the JSON value");
            }
        } catch (JsonParsingException e) {
            throw new Refused("malformed JSON at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber());
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's verdict on these bytes (JsonException, Parsson's own limits): the input's fault
            throw new Refused("malformed JSON");
        }
        requireNoNul(value);
        return value;
    }

    /** Strict UTF-8: a malformed or truncated sequence is refused, not replaced. */
    public static void requireUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new Refused("the body is not valid UTF-8");
        }
    }

    /**
     * Counts brackets outside strings. Up to the parser's first error its lexing agrees with this
     * scan, so the parser never nests deeper than counted here.
     */
    private static void requireDepthAtMost(byte[] bytes, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > maxDepth) {
                    throw new Refused("the JSON nests deeper than " + maxDepth + " levels");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    private static void requireNoNul(JsonValue value) {
        switch (value.getValueType()) {
            case STRING -> requireNoNul(((JsonString) value).getString());
            case OBJECT -> ((JsonObject) value).forEach((key, member) -> {
                requireNoNul(key);
                requireNoNul(member);
            });
            case ARRAY -> ((JsonArray) value).forEach(item -> requireNoNul(item));
            default -> { }
        }
    }

    private static void requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new Refused("a JSON string contains a NUL character (\\u0000)");
        }
    }
}
