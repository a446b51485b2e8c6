package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsInput;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.provider.ProviderCredentialsCheck.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Test credentials" for NP Atobarai: settings as the form would save them, asked of WireMock playing NP. */
class NpAtobaraiCredentialsCheckTest {

    WireMockServer np;
    final FakeSecrets secrets = new FakeSecrets();
    NpAtobaraiCredentialsCheck check;

    @BeforeEach
    void start() {
        np = new WireMockServer(options().dynamicPort());
        np.start();
        check = new NpAtobaraiCredentialsCheck(new NpAtobaraiChannels(new InMemoryMerchants(), new InMemoryChannels(), secrets,
            Optional::empty), new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        np.stop();
    }

    ProviderSettings settings(String spCode) {
        Map<String, SettingInput> input = new LinkedHashMap<>();
        input.put("merchantCode", new SettingInput.Text("merchant-1"));
        input.put("secretSpCode", new SettingInput.Text(spCode));
        input.put("terminalId", new SettingInput.Text("terminal-9"));
        input.put("shippingCompanyCode", new SettingInput.Text("50000"));
        input.put("apiBaseUrl", new SettingInput.Text(np.baseUrl() + "/v1/"));
        return new ProviderSettingsInput(secrets, new SequentialIds()).settings(ProviderId.NP_ATOBARAI, input, Optional.empty());
    }

    @Test
    void validCredentialsAreTheOnesNpAnswers400ToAnEmptyFind() {
        np.stubFor(post("/v1/authorizations/find").willReturn(aResponse().withStatus(400).withBody("{\"errors\":[]}")));

        Result result = check.check(settings("sp-secret"));

        assertTrue(result.accepted(), result.message());
        assertTrue(result.message().startsWith("NP Atobarai accepted the credentials (terminal terminal-9"), result.message());
        np.verify(postRequestedFor(urlEqualTo("/v1/authorizations/find"))
            .withHeader("Authorization", equalTo("Basic bWVyY2hhbnQtMTpzcC1zZWNyZXQ="))
            .withHeader("X-NP-Terminal-Id", equalTo("terminal-9"))
            .withRequestBody(equalToJson("{\"transactions\": []}")));
    }

    @Test
    void refusedCredentialsShowNpsAnswerWithoutTheSecret() {
        np.stubFor(post("/v1/authorizations/find").willReturn(aResponse().withStatus(401)));

        Result result = check.check(settings("wrong-sp"));

        assertFalse(result.accepted());
        assertEquals("NP Atobarai refused the credentials (HTTP 401)", result.message());
        assertFalse(result.message().contains("wrong-sp"));
    }

    @Test
    void anUnreachableNpIsAnAnswerNotAnException() {
        ProviderSettings settings = settings("sp-secret");
        np.stop();
        Result result = check.check(settings);
        assertFalse(result.accepted());
        assertTrue(result.message().startsWith("NP Atobarai could not be reached"), result.message());
    }
}
