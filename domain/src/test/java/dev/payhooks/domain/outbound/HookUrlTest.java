package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/hooks", "http://127.0.0.1:8080/hook?token=abc",
        "https://[::1]:8443/h", "HTTPS://Shop.Example/Path%20x"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertEquals(url, HookUrl.parse("  " + url + " ", false).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                   | url: is required",
        "'   '                                | url: is required",
        "/relative/path                       | url: must be an absolute http(s) URL",
        "ftp://shop.example/x                 | url: must be an absolute http(s) URL",
        "mailto:ops@shop.example              | url: must be an absolute http(s) URL",
        "javascript:alert(1)                  | url: must be an absolute http(s) URL",
        "https:///no-host                     | url: must name a host",
        "https://bad_host.example/            | url: must name a host",
        "https://user:pw@shop.example/        | url: must not contain credentials; use Basic authentication instead",
        "https://shop.example/#part           | url: must not contain a fragment (#…): it is never sent",
        "'https://shop.example/a b'           | url: must not contain spaces or control characters",
        "https://shop.example/%zz             | url: is not a valid URL",
    })
    void refusesWhatIsNotAnAbsoluteHttpUrlNamingTheField(String url, String message) {
        InvalidField e = assertThrows(InvalidField.class, () -> HookUrl.parse(url, false));

        assertEquals("url", e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullAndOverlongAreRefused() {
        assertEquals("url", assertThrows(InvalidField.class, () -> HookUrl.parse(null, false)).field());
        String longUrl = "https://shop.example/" + "a".repeat(HookUrl.MAX_LENGTH);
        assertEquals("url: must be at most 2000 characters",
            assertThrows(InvalidField.class, () -> HookUrl.parse(longUrl, false)).getMessage());
    }

    @Test
    void productionRequiresHttps() {
        assertEquals("url: must use https",
            assertThrows(InvalidField.class, () -> HookUrl.parse("http://shop.example/hook", true)).getMessage());
        assertTrue(HookUrl.parse("https://shop.example/hook", true).https());
        assertFalse(HookUrl.parse("http://shop.example/hook", false).https());
    }
}
