package dev.payhooks.adapters.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpCredentials;
import dev.payhooks.adapters.npatobarai.NpOutcome;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way out to the providers: each provider's documented hosts only (https in production),
 * the operator's explicit additions, loopback simulators in sandbox mode only, and the SSRF guard
 * on the resolved address (cloud metadata, private networks) before any byte is sent.
 */
class ProviderGateTest {

    /** A fixed DNS: documented hosts resolve publicly, one is poisoned to the metadata address. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "cp.np-payment-gateway.com", "checkout-test.adyen.com", "api.walleypay.com", "api.payrexx.com",
                 "pay.partner.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "api.uat.walleydev.com" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            case "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            default -> {
                if (host.matches("[0-9a-fA-F:.]+")) {
                    yield new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        };
    }

    static ProviderGate gate(boolean production, Map<ProviderId, List<String>> overrides) {
        return new ProviderGate(new ProviderEndpoints(production, overrides, Set.of()),
            ProviderGate.guardFor(production, List.of(), ProviderGateTest::resolve),
            PinnedHttpTransport.withDefaultTrust("Payhooks-test"));
    }

    final ProviderGate production = gate(true, Map.of());
    final ProviderGate sandbox = gate(false, Map.of());
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} {1} allowed in production: {2}")
    @CsvSource({
        "NP_ATOBARAI, https://cp.np-payment-gateway.com/v1/, true",
        "NP_ATOBARAI, https://ctcp.np-payment-gateway.com/v1/, true",
        "NP_ATOBARAI, http://cp.np-payment-gateway.com/v1/, false",       // https only
        "NP_ATOBARAI, https://checkout-test.adyen.com/v71, false",        // another provider's host
        "ADYEN, https://checkout-test.adyen.com/v71, true",
        "ADYEN, https://1797a841fbb37ca7-AdyenDemo-checkout-live.adyenpayments.com/checkout/v71, true",
        "ADYEN, https://checkout-live.adyenpayments.com.evil.example/v71, false",
        "ADYEN, https://a.b-checkout-live.adyenpayments.com/v71, false",  // * is one label only
        "ADYEN, https://checkout-test.adyen.com@evil.example/v71, false",
        "WALLEY, https://api.walleypay.com, true",
        "WALLEY, https://api.uat.walleydev.com, true",
        "WALLEY, https://api.walleypay.com.evil.example, false",
        "ANNANOW, https://api.payrexx.com/v1.0, true",
        "ANNANOW, https://evil.example/v1.0, false",
        "ANNANOW, http://169.254.169.254/latest/meta-data/, false",
        "ANNANOW, https://169.254.169.254/, false",
        "ADYEN, http://127.0.0.1:8080/sandbox/adyen/v71, false",          // loopback only in sandbox mode
        "NP_ATOBARAI, https://localhost/v1/, false",
    })
    void eachProvidersUrlsMustNameItsDocumentedHosts(ProviderId provider, String url, boolean allowed) {
        ProviderEndpoints endpoints = new ProviderEndpoints(true, Map.of(), Set.of());

        if (allowed) {
            endpoints.check(provider, "apiBaseUrl", URI.create(url));
        } else {
            InvalidField refused = assertThrows(InvalidField.class, () -> endpoints.check(provider, "apiBaseUrl", URI.create(url)));
            assertEquals("apiBaseUrl", refused.field());
        }
    }

    @Test
    void theRefusalNamesTheProvidersHostsAndTheOverrideSetting() {
        InvalidField refused = assertThrows(InvalidField.class, () -> new ProviderEndpoints(true, Map.of(), Set.of())
            .check(ProviderId.ADYEN, "apiBaseUrl", URI.create("http://169.254.169.254/")));

        assertEquals("apiBaseUrl: must be an https URL", refused.getMessage());
        refused = assertThrows(InvalidField.class, () -> new ProviderEndpoints(true, Map.of(), Set.of())
            .check(ProviderId.ADYEN, "apiBaseUrl", URI.create("https://169.254.169.254/")));
        assertEquals("apiBaseUrl: host '169.254.169.254' is not one of Adyen's API hosts (checkout-test.adyen.com, "
            + "*-checkout-live.adyenpayments.com); an operator can allow another with payhooks.adyen.allowed-hosts",
            refused.getMessage());
    }

    @Test
    void anOperatorOverrideAllowsMoreHostsForThatProviderOnly() throws Exception {
        ProviderGate widened = gate(true, Map.of(ProviderId.ANNANOW, ProviderEndpoints.parseHosts("pay.partner.example, *.annanow.example")));

        assertEquals(InetAddress.getByName("93.184.216.34"), widened.check(ProviderId.ANNANOW, URI.create("https://pay.partner.example/v1.0")));
        new ProviderEndpoints(true, Map.of(ProviderId.ANNANOW, List.of("*.annanow.example")), Set.of())
            .check(ProviderId.ANNANOW, "apiBaseUrl", URI.create("https://api.annanow.example/v1.0"));
        assertThrows(ProviderGate.Blocked.class, () -> widened.check(ProviderId.ADYEN, URI.create("https://pay.partner.example/v71")));
        assertThrows(IllegalArgumentException.class, () -> ProviderEndpoints.parseHosts("https://pay.partner.example/"));
    }

    @Test
    void anOverrideNeverOpensInternalAddressesInProduction() {
        ProviderGate widened = gate(true, Map.of(ProviderId.WALLEY, List.of("169.254.169.254", "10.0.0.5")));

        ProviderGate.Blocked blocked = assertThrows(ProviderGate.Blocked.class,
            () -> widened.check(ProviderId.WALLEY, URI.create("https://169.254.169.254/oauth2/v2.0/token")));
        assertTrue(blocked.getMessage().contains("private or internal network"), blocked.getMessage());
        assertThrows(ProviderGate.Blocked.class, () -> widened.check(ProviderId.WALLEY, URI.create("https://10.0.0.5/")));
    }

    @Test
    void aDocumentedHostWhoseDnsPointsAtTheMetadataAddressIsRefused() {
        ProviderGate.Blocked blocked = assertThrows(ProviderGate.Blocked.class,
            () -> production.check(ProviderId.WALLEY, URI.create("https://api.uat.walleydev.com/oauth2/v2.0/token")));

        assertTrue(blocked.getMessage().contains("169.254.169.254"), blocked.getMessage());
    }

    @Test
    void sandboxModeReachesLoopbackSimulatorsButNothingElseInternal() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), sandbox.check(ProviderId.ADYEN, URI.create("http://127.0.0.1:8080/sandbox/adyen/v71")));
        sandbox.check(ProviderId.NP_ATOBARAI, URI.create("http://localhost:9000/v1/"));
        sandbox.check(ProviderId.WALLEY, URI.create("http://[::1]:9000/"));
        assertThrows(ProviderGate.Blocked.class, () -> sandbox.check(ProviderId.ANNANOW, URI.create("http://169.254.169.254/")));
        assertThrows(ProviderGate.Blocked.class, () -> sandbox.check(ProviderId.ANNANOW, URI.create("http://10.0.0.1/")));
        assertThrows(ProviderGate.Blocked.class, () -> sandbox.check(ProviderId.ANNANOW, URI.create("https://evil.example/")));
        // the hub's own public host (its simulators) in sandbox mode only
        new ProviderEndpoints(false, Map.of(), Set.of("hub.example")).check(ProviderId.ADYEN, "apiBaseUrl",
            URI.create("https://hub.example/sandbox/adyen/v71"));
        assertThrows(InvalidField.class, () -> new ProviderEndpoints(true, Map.of(), Set.of("hub.example"))
            .check(ProviderId.ADYEN, "apiBaseUrl", URI.create("https://hub.example/sandbox/adyen/v71")));
    }

    @Test
    void aSandboxCallReachesTheSimulatorAndReadsTheWholeAnswer() throws Exception {
        AtomicInteger requests = listen(200, "{\"results\": []}");

        ProviderGate.Answer answer = sandbox.send(ProviderId.NP_ATOBARAI, new ProviderGate.Call("PATCH", local("/v1/transactions/update"),
            Map.of("Authorization", "Basic x"), "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)), 1024);

        assertEquals(200, answer.status());
        assertEquals("{\"results\": []}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals(1, requests.get());
    }

    @Test
    void productionClientsNeverSendCredentialsToALoopbackOrMetadataUrl() throws Exception {
        AtomicInteger requests = listen(200, "{}");
        NpAtobaraiClient np = new NpAtobaraiClient(production, Duration.ofSeconds(2));
        AdyenCheckoutClient adyen = new AdyenCheckoutClient(production, Duration.ofSeconds(2));

        NpOutcome outcome = np.checkCredentials(new NpCredentials(local("/v1/"), "merchant", "secret-sp-code", "terminal"));
        AdyenCheckoutClient.Outcome metadata = adyen.paymentMethods(
            new AdyenCheckoutClient.Account(URI.create("http://169.254.169.254/latest"), "AQE-api-key"), JsonValue.EMPTY_JSON_OBJECT);

        NpOutcome.Unavailable unavailable = assertInstanceOf(NpOutcome.Unavailable.class, outcome);
        assertTrue(unavailable.description().contains("must be an https URL"), unavailable.description());
        assertTrue(assertInstanceOf(AdyenCheckoutClient.Outcome.Unreachable.class, metadata).description()
            .contains("must be an https URL"));
        assertEquals(0, requests.get(), "nothing was sent");
    }

    private AtomicInteger listen(int status, String body) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return requests;
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
