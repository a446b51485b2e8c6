package dev.payhooks.app.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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

    // ---- admin console: staff management and sign-in ----------------------------------------

    // ---- Saleor installations and webhook signatures ----------------------------------------

    // ---- outbound requests: provider base URLs and the SSRF guard ----------------------------

    /** A management API call as the IT merchant's API key. */
    HttpResponse<String> manage(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request("api/v1/" + path).header("Authorization", "Bearer " + KEY)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    String providerChannel(String prefix) throws Exception {
        String slug = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = manage("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Security\", "
            + "\"currency\": \"CHF\", \"country\": \"CH\"}");
        org.junit.jupiter.api.Assertions.assertEquals(201, opened.statusCode(), opened.body());
        return slug;
    }

    /**
     * The hub sends the merchant's provider credentials (Adyen X-API-Key, NP Basic, Walley OAuth
     * secret, Annanow API secret) to the configured API URL: a URL outside the provider's hosts,
     * such as the cloud metadata address, is refused with the field named, and nothing is stored.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}.{1} = {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "adyen       | apiBaseUrl  | http://169.254.169.254/latest/meta-data/ | \"apiKey\": \"AQE-sec-key\", \"merchantAccount\": \"Shop\", \"clientKey\": \"test_KEY\", \"hmacKeys\": [\"44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056\"], \"notificationUsername\": \"u\", \"notificationPassword\": \"p-123456\"",
        "np-atobarai | apiBaseUrl  | https://attacker.example/v1/             | \"merchantCode\": \"m\", \"secretSpCode\": \"s\", \"terminalId\": \"t\", \"shippingCompanyCode\": \"50000\"",
        "walley      | authBaseUrl | http://169.254.169.254                   | \"clientId\": \"c\", \"clientSecret\": \"s\", \"scope\": \"x/.default\", \"apiBaseUrl\": \"https://api.uat.walleydev.com\", \"webhookUsername\": \"u\", \"webhookPassword\": \"p-123456\"",
        "annanow     | apiBaseUrl  | http://10.0.0.1/v1.0                     | \"instance\": \"i\", \"apiSecret\": \"s\""})
    void aProviderApiUrlOutsideTheProvidersHostsIsRefusedWithTheFieldNamedAndNothingStored(String provider, String field,
                                                                                          String url, String settings) throws Exception {
        String slug = providerChannel("sec-host");

        HttpResponse<String> refused = manage("PUT", "channels/" + slug + "/providers/" + provider,
            "{" + settings + ", \"" + field + "\": \"" + url + "\"}");

        org.junit.jupiter.api.Assertions.assertEquals(400, refused.statusCode(), refused.body());
        org.junit.jupiter.api.Assertions.assertTrue(refused.body().contains("\"" + field) || refused.body().contains(field + ":"),
            refused.body());
        org.junit.jupiter.api.Assertions.assertTrue(refused.body().contains("is not one of"), refused.body());
        HttpResponse<String> stored = manage("GET", "channels/" + slug + "/providers/" + provider, null);
        org.junit.jupiter.api.Assertions.assertEquals(404, stored.statusCode(), stored.body());
    }

    /**
     * Annanow signs nothing; with confirmByRefetch the hub asks Annanow's API (with the merchant's
     * API secret) whether a status is real. A request that fails the channel's Basic authentication
     * makes no such call; the same notification, authenticated, does (a loopback stand-in for the
     * API, reachable in sandbox mode only, counts the calls).
     */
    @org.junit.jupiter.api.Test
    void anUnauthenticatedAnnanowNotificationTriggersNoRefetch() throws Exception {
        java.util.concurrent.atomic.AtomicInteger refetches = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer api = com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            refetches.incrementAndGet();
            byte[] answer = "{\"status\": \"success\", \"data\": [{\"id\": 7001, \"status\": \"confirmed\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        try {
            String slug = providerChannel("sec-refetch");
            HttpResponse<String> configured = manage("PUT", "channels/" + slug + "/providers/annanow",
                "{\"instance\": \"sec\", \"apiSecret\": \"sec-annanow-secret\", \"authMode\": \"BASIC\", "
                    + "\"username\": \"annanow-sec\", \"password\": \"annanow-sec-password\", \"confirmByRefetch\": true, "
                    + "\"apiBaseUrl\": \"http://127.0.0.1:" + api.getAddress().getPort() + "/v1.0\"}");
            org.junit.jupiter.api.Assertions.assertEquals(200, configured.statusCode(), configured.body());
            String url = jakarta.json.Json.createReader(new java.io.StringReader(configured.body())).readObject()
                .getString("notificationUrl");
            String key = url.substring(url.lastIndexOf('/') + 1);
            String body = "{\"transaction\": {\"id\": 7001, \"status\": \"confirmed\", \"amount\": 2500, "
                + "\"referenceId\": \"sec-refetch-1\", \"invoice\": {\"currency\": \"CHF\"}}}";
            java.util.function.Function<String, HttpRequest.Builder> notification = authorization -> {
                HttpRequest.Builder request = request("api/notifications/annanow/" + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                return authorization == null ? request : request.header("Authorization", authorization);
            };

            HttpResponse<String> anonymous = send(notification.apply(null));
            HttpResponse<String> wrongPassword = send(notification.apply("Basic " + java.util.Base64.getEncoder()
                .encodeToString("annanow-sec:guess".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

            org.junit.jupiter.api.Assertions.assertEquals(401, anonymous.statusCode(), anonymous.body());
            org.junit.jupiter.api.Assertions.assertEquals(401, wrongPassword.statusCode(), wrongPassword.body());
            org.junit.jupiter.api.Assertions.assertEquals(0, refetches.get(), "no call to Annanow's API for an unauthenticated request");

            HttpResponse<String> genuine = send(notification.apply("Basic " + java.util.Base64.getEncoder()
                .encodeToString("annanow-sec:annanow-sec-password".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            org.junit.jupiter.api.Assertions.assertEquals(200, genuine.statusCode(), genuine.body());
            org.junit.jupiter.api.Assertions.assertEquals(1, refetches.get(), "the authenticated notification is confirmed by one re-fetch");
        } finally {
            api.stop(0);
        }
    }

    // ---- inbound notifications: per-merchant deduplication -----------------------------------

    // ---- hostile input, headers and what the server reveals ----------------------------------
}
