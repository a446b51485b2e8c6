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

    // ---- inbound notifications: per-merchant deduplication -----------------------------------

    static final String DEDUP_WALLEY_USER = "walley-sec";
    static final String DEDUP_WALLEY_PASSWORD = "walley-sec-password";

    /** A call of the management API with this API key; JSON body or none. */
    HttpResponse<String> manageAs(String apiKey, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request("api/v1/" + path).header("Authorization", "Bearer " + apiKey)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    static java.sql.Connection dedupDatabase() throws Exception {
        return DB_URL.startsWith("jdbc:h2:") ? java.sql.DriverManager.getConnection(DB_URL, "sa", "")
            : java.sql.DriverManager.getConnection(DB_URL);
    }

    /** A second merchant with an API key, straight into the database (staff would create it); returns the key. */
    static String secondMerchantForDedup(String merchantId) throws Exception {
        String key = "phk_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "00000000";
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        try (java.sql.Connection c = dedupDatabase();
             java.sql.PreparedStatement m = c.prepareStatement(
                 "insert into merchant (id, name, merchant_key, created_at, version) values (?, 'Dedup shop', ?, ?, 0)");
             java.sql.PreparedStatement k = c.prepareStatement("insert into api_key (id, merchant_id, label, display_prefix,"
                 + " key_hash, sealed_key, created_at, version) values (?, ?, 'dedup', 'phk_…', ?, 'v1:00000000:unused', ?, 0)")) {
            m.setString(1, merchantId);
            m.setString(2, merchantId.replace("-", "").substring(0, 15));
            m.setObject(3, now);
            m.executeUpdate();
            k.setString(1, java.util.UUID.randomUUID().toString());
            k.setString(2, merchantId);
            k.setString(3, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            k.setObject(4, now);
            k.executeUpdate();
        }
        return key;
    }

    /** A channel of the key's merchant with Walley (Basic auth, no signature); returns the notification endpoint key. */
    String walleyChannelAs(String apiKey, String slug) throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(201, manageAs(apiKey, "POST", "channels", "{\"slug\": \"" + slug
            + "\", \"name\": \"Sec\", \"currency\": \"SEK\", \"country\": \"SE\"}").statusCode());
        HttpResponse<String> walley = manageAs(apiKey, "PUT", "channels/" + slug + "/providers/walley", """
            {"clientId": "sec-client", "clientSecret": "sec-client-secret", "scope": "705798e0-8cef-427c-ae00-6023deba29af/.default",
             "authBaseUrl": "https://auth.example.test", "apiBaseUrl": "https://api.example.test",
             "webhookUsername": "%s", "webhookPassword": "%s", "webhookHmacKey": "sec-hmac", "verifySignature": false}"""
            .formatted(DEDUP_WALLEY_USER, DEDUP_WALLEY_PASSWORD));
        org.junit.jupiter.api.Assertions.assertEquals(200, walley.statusCode(), walley.body());
        String url = jakarta.json.Json.createReader(new java.io.StringReader(walley.body())).readObject().getString("notificationUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    HttpResponse<String> walleyNotification(String endpointKey, byte[] body) throws Exception {
        return send(request("api/notifications/walley/" + endpointKey)
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (DEDUP_WALLEY_USER + ":" + DEDUP_WALLEY_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @org.junit.jupiter.api.Test
    void aNotificationWithAnotherMerchantsProviderIdsIsStoredAndAppliedForItsOwnMerchantNotSwallowedAsDuplicate()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(DB_URL.isBlank(), "needs the IT database to add a second merchant");
        String otherMerchant = java.util.UUID.randomUUID().toString();
        String otherKey = secondMerchantForDedup(otherMerchant);
        try {
            String slug = "sec-dedup-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String mine = walleyChannelAs(KEY, slug);
            String theirs = walleyChannelAs(otherKey, slug);
            String order = "sec-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            // byte for byte the same notification: both merchants' Walley accounts use this order id
            byte[] body = ("""
                {"Type": "walley:order:created", "Timestamp": "2024-01-30T11:02:42+01:00",
                 "Payload": {"OrderId": "%s", "Reference": "ref-%s", "Amount": 30, "Currency": "SEK", "Status": "Authorized",
                             "AuthorizationId": "auth-%s", "CustomerToken": "0a96"}}""").formatted(order, order, order)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

            HttpResponse<String> first = walleyNotification(mine, body);
            org.junit.jupiter.api.Assertions.assertEquals(200, first.statusCode(), first.body());
            HttpResponse<String> second = walleyNotification(theirs, body);
            org.junit.jupiter.api.Assertions.assertEquals(200, second.statusCode(), second.body());
            org.junit.jupiter.api.Assertions.assertTrue(second.body().contains("\"accepted\""), second.body());
            // a resend is still a duplicate within each merchant
            org.junit.jupiter.api.Assertions.assertTrue(walleyNotification(mine, body).body().contains("\"duplicate\""));
            org.junit.jupiter.api.Assertions.assertTrue(walleyNotification(theirs, body).body().contains("\"duplicate\""));

            for (String apiKey : new String[] {KEY, otherKey}) {
                HttpResponse<String> list = manageAs(apiKey, "GET", "transactions?channel=" + slug, null);
                org.junit.jupiter.api.Assertions.assertEquals(200, list.statusCode(), list.body());
                org.junit.jupiter.api.Assertions.assertTrue(list.body().contains("ref-" + order), list.body());
            }
        } finally {
            // the ITs share one database: a second merchant left behind would make later Saleor registrations ask which merchant
            try (java.sql.Connection c = dedupDatabase();
                 java.sql.PreparedStatement delete = c.prepareStatement("delete from merchant where id = ?")) {
                delete.setString(1, otherMerchant);
                delete.executeUpdate();
            }
        }
    }

    // ---- hostile input, headers and what the server reveals ----------------------------------

    /** An error answer: 4xx with a JSON {"error", "message"} body. */
    static void assertJsonError(int status, HttpResponse<String> answer) {
        org.junit.jupiter.api.Assertions.assertEquals(status, answer.statusCode(), answer.body());
        jakarta.json.JsonObject error = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject();
        org.junit.jupiter.api.Assertions.assertTrue(error.containsKey("error") && error.containsKey("message"), answer.body());
    }

    HttpResponse<String> postJsonBytes(String path, byte[] body, boolean withApiKey) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withApiKey) {
            request.header("Authorization", "Bearer " + KEY);
        }
        return send(request);
    }

    static byte[] hostileUtf8(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String nestedJson(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    @org.junit.jupiter.api.Test
    void jsonNestedDeeperThan64LevelsIs400JsonOnTheManagementApiSaleorAndProviderEndpoints() throws Exception {
        // the publish API takes any object: today's only bound was the parser's stack
        assertJsonError(400, postJsonBytes("api/v1/events", hostileUtf8("{\"event_type\": \"product.inventory.adjusted\","
            + " \"object\": " + nestedJson(65) + "}"), true));
        assertJsonError(400, postJsonBytes("api/v1/events", hostileUtf8("{\"event_type\": \"product.inventory.adjusted\","
            + " \"object\": " + nestedJson(30_000) + "}"), true));
        HttpResponse<String> saleor = postJsonBytes("api/saleor/np-atobarai/register",
            hostileUtf8("{\"auth_token\": \"t\", \"x\": " + nestedJson(65) + "}"), false);
        assertJsonError(400, saleor);
        org.junit.jupiter.api.Assertions.assertTrue(saleor.body().contains("64"), saleor.body());
        String walley = walleyChannelAs(KEY, "sec-json-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        assertJsonError(400, walleyNotification(walley, hostileUtf8("{\"Type\": \"walley:order:created\", \"Payload\": "
            + nestedJson(30_000) + "}")));
    }

    @org.junit.jupiter.api.Test
    void aNulCharacterInJsonIs400JsonOnEveryDatabaseNeverStoredOr500() throws Exception {
        assertJsonError(400, postJsonBytes("api/v1/channels", hostileUtf8("{\"slug\": \"sec-nul-"
            + java.util.UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"a\\u0000b\", \"currency\": \"EUR\","
            + " \"country\": \"DE\"}"), true));
        assertJsonError(400, postJsonBytes("api/v1/events", hostileUtf8("{\"event_type\": \"product.inventory.adjusted\","
            + " \"object\": {\"sku\": \"S\\u0000\"}}"), true));
        assertJsonError(400, postJsonBytes("api/saleor/np-atobarai/register", hostileUtf8("{\"auth_token\": \"t\\u0000\"}"), false));
        String walley = walleyChannelAs(KEY, "sec-nul-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        String order = "sec-nul-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertJsonError(400, walleyNotification(walley, hostileUtf8(("{\"Type\": \"walley:order:created\", \"Payload\":"
            + " {\"OrderId\": \"%s\", \"Reference\": \"r\\u0000\", \"Amount\": 30, \"Currency\": \"SEK\","
            + " \"Status\": \"Authorized\"}}").formatted(order))));
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8JsonIs400JsonNotSilentlyReplaced() throws Exception {
        byte[] latin1 = ("{\"slug\": \"sec-utf-" + java.util.UUID.randomUUID().toString().substring(0, 8)
            + "\", \"name\": \"Z\u00fcrich\", \"currency\": \"EUR\", \"country\": \"DE\"}")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertJsonError(400, postJsonBytes("api/v1/channels", latin1, true));
        assertJsonError(400, postJsonBytes("api/saleor/np-atobarai/register",
            "{\"auth_token\": \"Z\u00fcrich\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false));
    }
}
