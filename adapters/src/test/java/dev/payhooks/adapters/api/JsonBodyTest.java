package dev.payhooks.adapters.api;

import dev.payhooks.domain.error.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodyTest {

    static JsonBody read(String body) {
        return JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsFieldsOfAnObject() {
        JsonBody body = read("{\"slug\": \"jp-store\", \"enabled\": true}");

        assertEquals("jp-store", body.requiredString("slug"));
        assertNull(body.optionalString("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\": }", "[1]", "\"text\"", "42", "null", "{\"a\": 1} trailing"})
    void anythingButOneJsonObjectIsABadRequest(String body) {
        assertThrows(ApiProblem.class, () -> read(body));
    }

    @Test
    void malformedJsonSaysWhere() {
        ApiProblem e = assertThrows(ApiProblem.class, () -> read("{\n  \"slug\": nope\n}"));

        assertTrue(e.getMessage().startsWith("Malformed JSON at line 2, column "), e.getMessage());
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "{\"a\": \"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";

        assertEquals(413, assertThrows(ApiProblem.class, () -> read(big)).status());
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        assertEquals("slug: must be a string, not a number", assertThrows(InvalidField.class, () -> read("{\"slug\": 5}").requiredString("slug")).getMessage());
        assertEquals("slug: is required", assertThrows(InvalidField.class, () -> read("{}").requiredString("slug")).getMessage());
        assertEquals("colour: unknown field; expected name, slug",
            assertThrows(InvalidField.class, () -> read("{\"colour\": \"red\"}").allowOnly("slug", "name")).getMessage());
    }
}
