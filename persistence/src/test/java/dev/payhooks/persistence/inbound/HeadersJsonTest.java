package dev.payhooks.persistence.inbound;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HeadersJsonTest {

    @Test
    void everyValueReadsBackExactly() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("x-quotes", "\"quoted\" and 'single'");
        headers.put("x-backslash", "C:\\path\\to");
        headers.put("x-json-like", "{\"a\":[1,2]}, \"b\": null");
        headers.put("x-separators", "a=b; c:d, e\tf");
        headers.put("x-unicode", "Zürich – 東京 🚀");
        headers.put("x-control", "line1\nline2\r\u0000end");
        headers.put("x-empty", "");

        assertEquals(headers, HeadersJson.read(HeadersJson.write(headers)));
    }

    @Test
    void noHeadersIsAnEmptyObject() {
        assertEquals("{}", HeadersJson.write(Map.of()));
        assertEquals(Map.of(), HeadersJson.read("{}"));
    }

    @Test
    void anythingButAnObjectOfStringsIsRefused() {
        assertThrows(IllegalStateException.class, () -> HeadersJson.read("{\"x-a\": 1}"));
        assertThrows(IllegalStateException.class, () -> HeadersJson.read("{\"x-a\": null}"));
        assertThrows(IllegalStateException.class, () -> HeadersJson.read("x-a: 1"));
    }
}
