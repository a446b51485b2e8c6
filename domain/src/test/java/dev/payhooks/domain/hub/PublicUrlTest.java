package dev.payhooks.domain.hub;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicUrlTest {

    @Test
    void productionRequiresIt() {
        InvalidValue missing = assertThrows(InvalidValue.class, () -> PublicUrl.of(Optional.empty(), true));
        assertTrue(missing.getMessage().startsWith("PAYHOOKS_PUBLIC_URL is required in production mode"));
        assertThrows(InvalidValue.class, () -> PublicUrl.of(Optional.of("  "), true));
    }

    @Test
    void theConfiguredUrlWinsOverTheRequestInEveryMode() {
        for (boolean production : new boolean[] {true, false}) {
            PublicUrl url = PublicUrl.of(Optional.of(" https://payhooks.example.com// "), production);
            assertEquals("https://payhooks.example.com/api/x", url.resolve("api/x", () -> "http://evil.example/api/x"));
            assertEquals(Optional.of("https://payhooks.example.com/"), url.configured());
        }
    }

    @Test
    void sandboxFallsBackToTheRequest() {
        assertEquals("http://localhost:8080/api/x",
            PublicUrl.of(Optional.empty(), false).resolve("api/x", () -> "http://localhost:8080/api/x"));
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutExtras() {
        for (String bad : new String[] {"payhooks.example.com", "ftp://payhooks.example.com", "https://user:pw@payhooks.example.com",
            "https://payhooks.example.com/?x=1", "https://payhooks.example.com/#top", "https:///nohost", "http://[bad"}) {
            assertThrows(InvalidValue.class, () -> PublicUrl.of(Optional.of(bad), false), bad);
        }
        assertEquals(Optional.of("https://hub.example/payhooks/"),
            PublicUrl.of(Optional.of("https://hub.example/payhooks"), true).configured());
    }
}
