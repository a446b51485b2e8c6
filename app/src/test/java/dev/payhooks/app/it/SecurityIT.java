package dev.payhooks.app.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile suite: what an unauthenticated caller, another tenant or a viewer tries against the
 * running WAR, over real HTTP. Each test names the control it proves; docs/SECURITY.md lists them.
 * One class, so Payara starts once for all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String DB_URL = System.getProperty("payhooks.it.db.url", "");
    static HttpClient http;

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("payhooks.it.war")));
    }

    @BeforeAll
    static void client() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The server's root, on loopback. */
    String server() {
        return "http://127.0.0.1:" + deploymentUrl.getPort();
    }

    /** The application's base, ending in "/". */
    String app() {
        String path = deploymentUrl.getPath();
        return server() + (path.endsWith("/") ? path : path + "/");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String pathUnderApp) {
        return HttpRequest.newBuilder(URI.create(app() + pathUnderApp));
    }

    // ---- API key gate ---------------------------------------------------------------------

    /** Spellings of management paths that a router may normalise differently from a string check. */
    static final List<String> PATH_TRICKS = List.of(
        "api/v1;a=b/channels", "api/v1;/channels", "api/v1;a=b/api-keys", "api/v1;a=b/merchant",
        "api/v1/channels;x=y", "api/v1;a=b/events", "api/%76%31/channels", "api/V1/channels",
        "api/v1/CHANNELS", "api/v1/./channels", "api/./v1/channels", "api/x/%2e%2e/v1/channels",
        "api/sandbox/walley/%2e%2e/%2e%2e/v1/channels", "api//v1/channels", "api/v1//channels",
        "api/v1%2Fchannels", "api/v1%2fmerchant", "api/v1./channels", "api/v1/channels.",
        "api/v1/channels/", "api/notifications/adyen/x/..%2F..%2F..%2Fv1%2Fchannels",
        "api/saleor/np-atobarai/..;/../v1/channels", "api/v1%3Ba=b/channels");

    @Test
    void apiKeyGateDecidesOnTheMatchedResourceSoNoPathSpellingReachesManagementDataWithoutAKey() throws Exception {
        int reachedWithKey = 0;
        for (String trick : PATH_TRICKS) {
            HttpResponse<String> anonymous = send(request(trick).GET());
            HttpResponse<String> wrongKey = send(request(trick).header("Authorization", "Bearer phk_" + "x".repeat(40)).GET());
            HttpResponse<String> withKey = send(request(trick).header("Authorization", "Bearer " + KEY).GET());
            for (HttpResponse<String> refused : List.of(anonymous, wrongKey)) {
                int status = refused.statusCode();
                assertTrue(status == 401 || status == 404 || status == 400, trick + " answered " + status + ": " + refused.body());
                assertFalse(refused.body().contains("phk_") || refused.body().contains("\"slug\"")
                    || refused.body().contains("\"merchant"), trick + " leaked: " + refused.body());
            }
            if (withKey.statusCode() == 200) {
                // the router took this spelling to a management resource: only the key gate stands between
                reachedWithKey++;
                assertEquals(401, anonymous.statusCode(), trick);
                assertEquals(401, wrongKey.statusCode(), trick);
                assertEquals("Bearer realm=\"payhooks\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""), trick);
            } else {
                // not a resource: the same answer with and without a key, so nothing is learnt about what exists
                assertEquals(withKey.statusCode(), anonymous.statusCode(), trick);
            }
        }
        assertTrue(reachedWithKey >= 3, "the corpus should contain spellings the router maps to resources");
    }

    @Test
    void apiKeyGateRefusesAWriteThroughAMatrixParameterPath() throws Exception {
        HttpResponse<String> created = send(request("api/v1;a=b/api-keys")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"matrix\"}")));
        assertEquals(401, created.statusCode(), created.body());
        assertFalse(created.body().contains("phk_"), created.body());
    }

    @Test
    void apiKeyGateLeavesProviderReceiversAndSaleorAppsToTheirOwnAuthentication() throws Exception {
        // no API key, yet not the key gate's 401: the receiver answers for an unknown endpoint key itself
        HttpResponse<String> notification = send(request("api/notifications/adyen/no-such-endpoint-key")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertTrue(notification.headers().firstValue("WWW-Authenticate").filter(v -> v.contains("payhooks")).isEmpty(),
            notification.headers().map().toString());
        HttpResponse<String> manifest = send(request("api/saleor/np-atobarai/manifest").GET());
        assertEquals(200, manifest.statusCode(), manifest.body());
    }

    // ---- admin console: staff management and sign-in ----------------------------------------

    // ---- Saleor installations and webhook signatures ----------------------------------------

    // ---- outbound requests: provider base URLs and the SSRF guard ----------------------------

    // ---- inbound notifications: per-merchant deduplication -----------------------------------

    // ---- hostile input, headers and what the server reveals ----------------------------------

    static void assertSecurityHeaders(HttpResponse<String> response, String what) {
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), what);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what);
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        // plain HTTP: a Strict-Transport-Security header here would be meaningless (browsers ignore it) and wrong
        assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), what);
    }

    static void assertNoBanner(HttpResponse<String> response, String what) {
        assertTrue(response.headers().firstValue("Server").isEmpty(), what + ": Server " + response.headers().firstValue("Server"));
        assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), what + ": X-Powered-By " + response.headers().firstValue("X-Powered-By"));
    }

    @Test
    void securityHeadersOnEveryApiAnswerWithAStrictContentPolicy() throws Exception {
        List<HttpResponse<String>> answers = List.of(
            send(request("api/v1/channels").header("Authorization", "Bearer " + KEY).GET()),
            send(request("api/v1/channels").GET()),
            send(request("api/no-such-resource").GET()),
            send(request("api/notifications/adyen/no-such-endpoint-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
            send(request("api/saleor/np-atobarai/manifest").GET()),
            send(request("no-such-page").GET()));
        for (HttpResponse<String> answer : answers) {
            String what = answer.request().method() + " " + answer.uri() + " -> " + answer.statusCode();
            assertSecurityHeaders(answer, what);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'none'"), what + ": " + policy);
        }
        assertEquals(200, answers.get(0).statusCode());
        assertEquals(401, answers.get(1).statusCode());
    }

    @Test
    void securityHeadersOnTheAdminUiWithAFreshScriptNonceOnEveryInlineScript() throws Exception {
        HttpResponse<String> first = send(request("admin/login").GET());
        HttpResponse<String> second = send(request("admin/login").GET());
        assertEquals(200, first.statusCode(), first.body());
        assertSecurityHeaders(first, "admin/login");
        String policy = first.headers().firstValue("Content-Security-Policy").orElse("");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src [^;]*'nonce-([A-Za-z0-9+/=]{16,})'").matcher(policy);
        assertTrue(nonce.find(), policy);
        String scriptSrc = policy.replaceAll(".*(script-src[^;]*).*", "$1");
        assertFalse(scriptSrc.contains("'unsafe-inline'") || scriptSrc.contains("*") || scriptSrc.contains("data:"), scriptSrc);
        assertTrue(policy.contains("object-src 'none'") && policy.contains("base-uri 'self'"), policy);
        int scripts = first.body().split("<script", -1).length - 1;
        int withNonce = first.body().split("nonce=\"" + java.util.regex.Pattern.quote(nonce.group(1)) + "\"", -1).length - 1;
        assertTrue(scripts > 0, first.body());
        assertEquals(scripts, withNonce, first.body());
        assertFalse(second.headers().firstValue("Content-Security-Policy").orElse("").contains(nonce.group(1)),
            "a nonce is used once");
    }

    @Test
    void noServerOrPoweredByBannerOnAnyAnswer() throws Exception {
        for (HttpResponse<String> answer : List.of(
                send(request("api/v1/channels").header("Authorization", "Bearer " + KEY).GET()),
                send(request("api/v1/channels").GET()),
                send(request("admin/login").GET()),
                send(request("no-such-page").GET()),
                send(HttpRequest.newBuilder(URI.create(server() + "/health/live")).GET()),
                send(HttpRequest.newBuilder(URI.create(server() + "/no-such-page")).GET()))) {
            assertNoBanner(answer, answer.uri() + " -> " + answer.statusCode());
        }
    }

    static final String METRICS_TOKEN = System.getProperty("payhooks.it.metrics.token");

    @Test
    void metricsAnswerOnlyTheMetricsBearerToken() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(server() + "/metrics"))
            .header("Authorization", "Bearer " + METRICS_TOKEN).GET());
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("# TYPE "), allowed.body());
        for (String path : List.of("/metrics", "/metrics/", "/metrics/application", "/metrics;a=b", "/metrics/;a=b/application",
                "//metrics", "/./metrics", "/x/../metrics", "/%6detrics", "/metrics?scope=application")) {
            for (String authorization : new String[] {null, "Bearer wrong-token", "Bearer " + KEY, "Basic " + METRICS_TOKEN}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server() + path)).GET();
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> refused = send(request);
                assertTrue(refused.statusCode() == 401 || refused.statusCode() == 404 || refused.statusCode() == 400,
                    path + " with " + authorization + " answered " + refused.statusCode());
                assertFalse(refused.body().contains("payhooks_") || refused.body().contains("subscription="),
                    path + " leaked: " + refused.body());
            }
        }
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(server() + "/metrics")).GET());
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer realm=\"payhooks-metrics\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
