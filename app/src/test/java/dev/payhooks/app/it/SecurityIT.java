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
}
