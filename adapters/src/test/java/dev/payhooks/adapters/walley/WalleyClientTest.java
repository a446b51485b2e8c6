package dev.payhooks.adapters.walley;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.payhooks.adapters.walley.WalleyClient.WalleyCallFailed;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsInput;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.provider.ProviderConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Walley client against a WireMock Walley: token caching, the failure simulation and its 401/404/503 handling. */
class WalleyClientTest {

    static final String TOKEN_PATH = "/oauth2/v2.0/token";
    static final String CUSTOMER_TOKEN_PATH = "/purchase/customer-tokens/0a96-token";

    WireMockServer walley;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final List<Duration> pauses = new ArrayList<>();
    WalleyClient client;
    ProviderConfiguration configuration;

    @BeforeEach
    void start() {
        walley = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        walley.start();
        client = new WalleyClient(TestGates.sandbox(), clock, pauses::add);
        FakeSecrets secrets = new FakeSecrets();
        Map<String, SettingInput> input = new LinkedHashMap<>();
        input.put("clientId", new SettingInput.Text("client-1"));
        input.put("clientSecret", new SettingInput.Text("secret & more"));
        input.put("scope", new SettingInput.Text("705798e0-8cef-427c-ae00-6023deba29af/.default"));
        input.put("authBaseUrl", new SettingInput.Text(walley.baseUrl() + "/"));
        input.put("apiBaseUrl", new SettingInput.Text(walley.baseUrl()));
        input.put("webhookUsername", new SettingInput.Text("u"));
        input.put("webhookPassword", new SettingInput.Text("p"));
        ProviderSettings settings = new ProviderSettingsInput(secrets, new SequentialIds()).settings(ProviderId.WALLEY, input, Optional.empty());
        configuration = new ProviderConfiguration(settings, secrets);
    }

    @AfterEach
    void stop() {
        walley.stop();
    }

    void tokens(String... values) {
        String scenario = "tokens";
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = "token-" + (i + 1);
            walley.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario(scenario).whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + values[i] + "\"}"))
                .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void theTokenIsFetchedWithClientCredentialsAndCachedUntilShortlyBeforeExpiry() {
        tokens("first", "second");

        assertEquals("first", client.accessToken(configuration));
        clock.advance(Duration.ofSeconds(3599).minus(WalleyClient.EXPIRY_MARGIN).minusSeconds(1));
        assertEquals("first", client.accessToken(configuration));
        clock.advance(Duration.ofSeconds(2));
        assertEquals("second", client.accessToken(configuration));

        walley.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo("client_id=client-1&client_secret=secret+%26+more&grant_type=client_credentials"
                + "&scope=705798e0-8cef-427c-ae00-6023deba29af%2F.default")));
    }

    @Test
    void aFailureIsSetAndClearedWithTheBearerToken() {
        tokens("t1");
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).willReturn(aResponse().withStatus(200).withBody("{\"id\": \"req-1\"}")));

        assertEquals("req-1", client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("NoFunds")));
        client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.empty());

        walley.verify(putRequestedFor(urlEqualTo(CUSTOMER_TOKEN_PATH)).withHeader("Authorization", equalTo("Bearer t1"))
            .withRequestBody(equalToJson("{\"AuthorizationFailure\": {\"Reason\": \"NoFunds\"}}")));
        walley.verify(putRequestedFor(urlEqualTo(CUSTOMER_TOKEN_PATH))
            .withRequestBody(equalToJson("{\"AuthorizationFailure\": null}")));
        walley.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesOnce() {
        tokens("stale", "fresh");
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).withHeader("Authorization", equalTo("Bearer stale"))
            .willReturn(aResponse().withStatus(401).withBody("{\"id\": \"x\", \"error\": {\"code\": 401, \"message\": \"expired\"}}")));
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).withHeader("Authorization", equalTo("Bearer fresh"))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"req-2\"}")));

        assertEquals("req-2", client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("Expired")));
        walley.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        walley.verify(2, putRequestedFor(urlEqualTo(CUSTOMER_TOKEN_PATH)));
    }

    @Test
    void a401AfterTheRefreshIsReported() {
        tokens("a", "b", "c");
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).willReturn(aResponse().withStatus(401)));

        WalleyCallFailed failed = assertThrows(WalleyCallFailed.class,
            () -> client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("Expired")));
        assertEquals(401, failed.status());
        walley.verify(2, putRequestedFor(urlEqualTo(CUSTOMER_TOKEN_PATH)));
    }

    @Test
    void anUnknownCustomerTokenIsAClear404() {
        tokens("t1");
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).willReturn(aResponse().withStatus(404)
            .withBody("{\"id\": \"x\", \"error\": {\"code\": 404, \"message\": \"Not found\", \"errors\": []}}")));

        WalleyCallFailed failed = assertThrows(WalleyCallFailed.class,
            () -> client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("Declined")));
        assertEquals(404, failed.status());
        assertTrue(failed.getMessage().contains("does not know customer token '0a96-token'"), failed.getMessage());
        walley.verify(1, putRequestedFor(urlEqualTo(CUSTOMER_TOKEN_PATH)));
    }

    @Test
    void a503IsRetriedWithBackoffThenReported() {
        tokens("t1");
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).inScenario("busy").whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"req-3\"}")));

        assertEquals("req-3", client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("ServiceUnavailable")));
        assertEquals(List.of(Duration.ofMillis(500)), pauses);

        walley.resetScenarios();
        walley.stubFor(put(urlEqualTo(CUSTOMER_TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(503)));
        WalleyCallFailed failed = assertThrows(WalleyCallFailed.class,
            () -> client.simulateAuthorizationFailure(configuration, "0a96-token", Optional.of("ServiceUnavailable")));
        assertEquals(503, failed.status());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1)), pauses);
    }

    @Test
    void bothReasonSpellingsAreAcceptedAndEitherCanBeSent() {
        assertEquals(WalleyFailureReason.NO_FUNDS, WalleyFailureReason.of("nofunds"));
        assertEquals(WalleyFailureReason.NO_FUNDS, WalleyFailureReason.of("PAYMENT_METHOD_NO_FUNDS"));
        assertEquals("NoFunds", WalleyFailureReason.of("payment_method_no_funds").spelled(false));
        assertEquals("PAYMENT_METHOD_EXPIRED", WalleyFailureReason.of("Expired").spelled(true));
        assertTrue(WalleyFailureReason.SERVICE_UNAVAILABLE.retried());
        assertTrue(!WalleyFailureReason.REFUSED.retried());
        assertThrows(dev.payhooks.domain.error.InvalidField.class, () -> WalleyFailureReason.of("CANCELLED_BY_CUSTOMER"));
    }
}
