package dev.payhooks.adapters.api;

import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.domain.provider.MalformedNotification;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared reader of JSON from outside, and the readers built on it. */
class JsonInputTest {

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObject(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonNestedUpToTheLimitIsReadDeeperIsRefused() {
        assertEquals(JsonValue.ValueType.ARRAY, JsonInput.value(utf8(nested(JsonInput.MAX_DEPTH))).getValueType());
        assertEquals("the JSON nests deeper than 64 levels",
            assertThrows(JsonInput.Refused.class, () -> JsonInput.value(utf8(nested(JsonInput.MAX_DEPTH + 1)))).getMessage());
        // deep enough to overflow a recursive parser's stack: refused before the parser runs
        assertThrows(JsonInput.Refused.class, () -> JsonInput.value(utf8(nested(200_000))));
        // brackets inside strings do not count, escaped quotes do not end the string
        assertEquals("[[", JsonInput.value(utf8("{\"a\":\"\\\"" + "[".repeat(100) + "\"}")).asJsonObject()
            .getString("a").substring(1, 3));
    }

    @Test
    void aNulCharacterInAnyStringKeyOrValueIsRefused() {
        for (String json : new String[] {"{\"a\":\"x\\u0000y\"}", "{\"a\\u0000\":1}", "[[\"\\u0000\"]]",
                "{\"a\":{\"b\":[1,\"ok\",\"\\u0000\"]}}"}) {
            assertEquals("a JSON string contains a NUL character (\\u0000)",
                assertThrows(JsonInput.Refused.class, () -> JsonInput.value(utf8(json))).getMessage(), json);
        }
        // a raw NUL byte is not JSON at all
        assertThrows(JsonInput.Refused.class, () -> JsonInput.value(new byte[] {'"', 'a', 0, '"'}));
        assertEquals("x\u0001y", JsonInput.value(utf8("{\"a\":\"x\\u0001y\"}")).asJsonObject().getString("a"));
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] latin1 = "{\"name\":\"Zürich\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("the body is not valid UTF-8",
            assertThrows(JsonInput.Refused.class, () -> JsonInput.value(latin1)).getMessage());
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xE6, (byte) 0x9D, '"', '}'};
        assertThrows(JsonInput.Refused.class, () -> JsonInput.value(truncated));
        assertEquals("Zürich 東京", JsonInput.value(utf8("{\"a\":\"Zürich 東京\"}")).asJsonObject().getString("a"));
    }

    @Test
    void malformedOrTrailingInputIsRefusedWithoutEchoingIt() {
        Exception e = assertThrows(JsonInput.Refused.class, () -> JsonInput.value(utf8("{\"secret-ish\": nope}")));
        assertTrue(e.getMessage().startsWith("malformed JSON at line 1, column "), e.getMessage());
        assertFalse(e.getMessage().contains("secret-ish"));
        assertThrows(JsonInput.Refused.class, () -> JsonInput.value(utf8("{} {}")));
        assertThrows(JsonInput.Refused.class, () -> JsonInput.value(new byte[0]));
    }

    @Test
    void theManagementApiReaderAnswers400ForEachOfThem() {
        for (byte[] body : new byte[][] {utf8(nestedObject(65)), utf8("{\"name\":\"a\\u0000b\"}"),
                "{\"name\":\"Zürich\"}".getBytes(StandardCharsets.ISO_8859_1)}) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> JsonBody.read(new ByteArrayInputStream(body)));
            assertEquals(400, problem.status());
        }
        assertEquals("Request body must be a JSON object",
            assertThrows(ApiProblem.class, () -> JsonBody.read(new ByteArrayInputStream(utf8("[]")))).getMessage());
    }

    @Test
    void theProviderReaderCallsThemMalformed() {
        assertThrows(MalformedNotification.class, () -> ProviderJson.object(utf8(nestedObject(33))));
        assertThrows(MalformedNotification.class, () -> ProviderJson.object(utf8("{\"Type\":\"a\\u0000\"}")));
        assertThrows(MalformedNotification.class, () -> ProviderJson.object(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}));
        assertEquals("b", ProviderJson.object(utf8("{\"a\":\"b\"}")).getString("a"));
    }
}
