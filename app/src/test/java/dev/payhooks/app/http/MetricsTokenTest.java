package dev.payhooks.app.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTokenTest {

    @Test
    void withoutTheSettingTheEndpointIsOff() {
        assertEquals(404, MetricsToken.decide(Optional.empty(), "Bearer anything"));
        assertEquals(404, MetricsToken.decide(Optional.of(" "), "Bearer  "));
    }

    @Test
    void onlyTheConfiguredBearerTokenPasses() {
        Optional<String> token = Optional.of("s3cret-metrics-token");
        assertEquals(0, MetricsToken.decide(token, "Bearer s3cret-metrics-token"));
        assertEquals(0, MetricsToken.decide(token, "bearer s3cret-metrics-token"));
        assertEquals(401, MetricsToken.decide(token, null));
        assertEquals(401, MetricsToken.decide(token, "Bearer s3cret-metrics-toke"));
        assertEquals(401, MetricsToken.decide(token, "Bearer s3cret-metrics-token2"));
        assertEquals(401, MetricsToken.decide(token, "Basic s3cret-metrics-token"));
        assertEquals(401, MetricsToken.decide(token, "Bearer"));
        assertEquals(401, MetricsToken.decide(token, "s3cret-metrics-token"));
    }
}
