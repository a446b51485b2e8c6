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

    /** The admin sign-in page's session cookie: Set-Cookie of a fresh request, parsed into its attributes. */
    static java.util.List<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("PAYHOOKS_SESSION="))
            .map(c -> java.util.Arrays.stream(c.split(";")).map(String::trim).toList())
            .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    @org.junit.jupiter.api.Test
    void theAdminSessionCookieIsHttpOnlySameSiteLaxAndSecureOnlyOverTls() throws Exception {
        HttpResponse<String> login = send(request("admin/login"));
        org.junit.jupiter.api.Assertions.assertEquals(200, login.statusCode());
        java.util.List<String> attributes = sessionCookie(login);
        java.util.Set<String> lower = attributes.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());

        org.junit.jupiter.api.Assertions.assertTrue(lower.contains("httponly"), attributes::toString);
        org.junit.jupiter.api.Assertions.assertTrue(lower.contains("samesite=lax"), attributes::toString);
        // Secure follows the request: this one came over plain HTTP (over TLS, or with payhooks.admin.secure-cookie, it is set)
        org.junit.jupiter.api.Assertions.assertFalse(lower.contains("secure"), attributes::toString);
    }

    @org.junit.jupiter.api.Test
    void theAdminConsoleRegistersNoServiceWorkerOrManifestThatCouldReplaceTheSessionCookie() throws Exception {
        HttpResponse<String> login = send(request("admin/login"));
        org.junit.jupiter.api.Assertions.assertFalse(login.body().contains("manifest.webmanifest"), "a web app manifest is linked");
        org.junit.jupiter.api.Assertions.assertFalse(login.body().contains("serviceWorker"), "a service worker is registered");
    }

    // ---- Saleor installations and webhook signatures ----------------------------------------

    // ---- outbound requests: provider base URLs and the SSRF guard ----------------------------

    // ---- inbound notifications: per-merchant deduplication -----------------------------------

    // ---- hostile input, headers and what the server reveals ----------------------------------

    // ---- secrets: masks and the signature key ----------------------------------------------

    HttpRequest.Builder withKey(String pathUnderApp) {
        return request(pathUnderApp).header("Authorization", "Bearer " + KEY);
    }

    @org.junit.jupiter.api.Test
    void apiKeyListingShowsNoMoreThanTheLastFourCharactersOfAnyKey() throws Exception {
        HttpResponse<String> issued = send(withKey("api/v1/api-keys").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"label\": \"mask check\"}")));
        org.junit.jupiter.api.Assertions.assertEquals(201, issued.statusCode(), issued.body());
        String plaintext = jakarta.json.Json.createReader(new java.io.StringReader(issued.body())).readObject().getString("key");

        HttpResponse<String> listed = send(withKey("api/v1/api-keys").GET());
        org.junit.jupiter.api.Assertions.assertEquals(200, listed.statusCode(), listed.body());
        org.junit.jupiter.api.Assertions.assertFalse(listed.body().contains(KEY.substring(0, 8)), "no key's leading characters: " + listed.body());
        org.junit.jupiter.api.Assertions.assertFalse(listed.body().contains(plaintext.substring(0, 8)), listed.body());
        jakarta.json.JsonArray keys = jakarta.json.Json.createReader(new java.io.StringReader(listed.body())).readArray();
        for (jakarta.json.JsonValue key : keys) {
            String shown = key.asJsonObject().getString("prefix");
            org.junit.jupiter.api.Assertions.assertTrue(shown.matches("phk_••••([a-z0-9]{4})?"), "masked to at most the last four: " + shown);
        }
        org.junit.jupiter.api.Assertions.assertTrue(keys.stream().anyMatch(k -> k.asJsonObject().getString("prefix")
            .equals("phk_••••" + plaintext.substring(plaintext.length() - 4))), listed.body());
    }

    @org.junit.jupiter.api.Test
    void signatureKeyRevealIsAuditedWithTheCallingApiKeyAndNeverCached() throws Exception {
        HttpResponse<String> revealed = send(withKey("api/v1/signature-key").GET());
        org.junit.jupiter.api.Assertions.assertEquals(200, revealed.statusCode(), revealed.body());
        org.junit.jupiter.api.Assertions.assertTrue(revealed.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String secret = jakarta.json.Json.createReader(new java.io.StringReader(revealed.body())).readObject().getString("key");

        try (java.sql.Connection c = DB_URL.startsWith("jdbc:h2:") ? java.sql.DriverManager.getConnection(DB_URL, "sa", "")
                : java.sql.DriverManager.getConnection(DB_URL);
             java.sql.PreparedStatement q = c.prepareStatement("select actor, source, detail from audit_entry "
                 + "where action = 'signature-key.revealed' order by recorded_at desc, id desc")) {
            try (java.sql.ResultSet row = q.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(row.next(), "the reveal is in the audit trail");
                org.junit.jupiter.api.Assertions.assertEquals("API", row.getString(2));
                org.junit.jupiter.api.Assertions.assertTrue(row.getString(1).matches(".+ \\([0-9a-f-]{36}\\)"), "the API key's label and id: " + row.getString(1));
                org.junit.jupiter.api.Assertions.assertFalse(row.getString(3).contains(secret));
            }
        }
    }
}
