package dev.payhooks.app.wiring;

import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.SettingsReader;
import dev.payhooks.app.config.SettingsSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the hub reaches its own sandbox simulators. */
class ProviderWiringTest {

    static PayhooksSettings settings(Map<String, String> values) {
        return SettingsReader.read(new SettingsSource() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public String origin(String key) {
                return "test properties";
            }
        });
    }

    @Test
    void withoutAPublicUrlTheSandboxIsThisMachineAtThePortRequestsCameInOn() {
        PayhooksSettings configured8080 = settings(Map.of());

        assertEquals("http://127.0.0.1:41873", ProviderWiring.sandboxBaseUrl(configured8080, OptionalInt.of(41873)));
        assertEquals("http://127.0.0.1:41873",
            ProviderWiring.sandboxBaseUrl(settings(Map.of("payara.instance.http.port", "9090")), OptionalInt.of(41873)),
            "the port in use, not the configured one");
        assertEquals("http://127.0.0.1:9090",
            ProviderWiring.sandboxBaseUrl(settings(Map.of("payara.instance.http.port", "9090")), OptionalInt.empty()),
            "before the first request: the configured port");
    }

    @Test
    void aPublicUrlIsWhereTheSandboxIs() {
        assertEquals("https://hub.example.com", ProviderWiring.sandboxBaseUrl(
            settings(Map.of("payhooks.public-url", "https://hub.example.com/")), OptionalInt.of(41873)));
    }
}
