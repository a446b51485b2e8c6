package dev.payhooks.app.server;

import dev.payhooks.app.it.Eventually;
import com.adyen.util.HMACValidator;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code payhooks.war} on a full Payara Server 6, set up the way README's "Deploy on Payara
 * Server" describes: a domain of its own, the settings as server system properties, the master
 * key in the domain's password alias store, {@code asadmin deploy} at "/", sandbox mode (production accepts https webhooks only). Then
 * a smoke suite over HTTP: health, OpenAPI, the Saleor manifest, the admin sign-in page, and an
 * Adyen notification stored and delivered, signed, to a webhook. The server gets a database of
 * its own (on the PostgreSQL the other tests use, a fresh one beside theirs), since it starts
 * with a master key of its own and could not open the secrets other runs sealed.
 */
@DisabledIfSystemProperty(named = "payhooks.it.skip.payara.server", matches = "true",
    disabledReason = "-DskipPayaraServer")
class PayaraServerIT {

    /** The bootstrap API key the first start creates the default merchant with. */
    static final String API_KEY = System.getProperty("payhooks.it.api.key");
    static final String HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";
    static final String USER = "adyen-smoke";
    static final String PASSWORD = "adyen-smoke-password";

    static PayaraServerDomain domain;
    static OwnDatabase database;
    static HttpServer receiver;
    static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    record Received(Map<String, String> headers, String body) { }

    record Answer(int status, String body, String contentType) {
        JsonObject object() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    @BeforeAll
    static void deployOnPayaraServer() throws Exception {
        Path target = Path.of(System.getProperty("payhooks.it.war")).getParent();
        Path home = Path.of(System.getProperty("payhooks.it.payara.home"));
        Path data = target.resolve("payara-server-data");
        Files.createDirectories(data);
        domain = new PayaraServerDomain(home, target.resolve("payara-server-domains"), "payhooks-" + UUID.randomUUID()
            .toString().substring(0, 8));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        database = OwnDatabase.beside(System.getProperty("payhooks.it.db.url", ""), "jdbc:h2:file:" + data.resolve("payhooks"));
        String dbUrl = database.url();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);

        domain.create();
        domain.start();
        try {
            domain.passwordAlias("payhooks-master-key", Base64.getEncoder().encodeToString(masterKey));
            Map<String, String> settings = PayaraServerDomain.settings();
            // sandbox: production mode accepts https webhook URLs only, and the receiver here is plain http on loopback
            settings.put("payhooks.mode", "sandbox");
            settings.put("payhooks.public-url", "http://127.0.0.1:" + domain.httpPort());
            settings.put("payhooks.db.url", dbUrl);
            settings.put("payhooks.data-dir", data.toString());
            settings.put("payhooks.master-key", "${ALIAS=payhooks-master-key}");
            settings.put("payhooks.api-key", API_KEY);
            settings.put("payhooks.admin.password", "smoke-admin-Passw0rd!");
            settings.put("payhooks.outbound.allow", "127.0.0.0/8");
            settings.put("payhooks.exit-on-startup-failure", "false");
            domain.systemProperties(settings);
            domain.jvmOptions(System.getProperty("payhooks.it.server.jvm", ""));  // as every test server's
            domain.restart();  // the alias store and the JVM options are read when the server starts
            domain.deploy(Path.of(System.getProperty("payhooks.it.war")));
            domain.awaitHttp("/health/ready", Duration.ofMinutes(2));
        } catch (Exception | AssertionError failed) {
            System.err.println("Payara Server log: " + domain.serverLog());
            throw failed;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (domain != null) {
            domain.close();
        }
        if (database != null) {
            database.close();
        }
    }

    static Answer send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + domain.httpPort() + "/" + path))
            .timeout(Duration.ofSeconds(90))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("content-type").orElse(""));
    }

    static Answer manage(String method, String path, String json) throws Exception {
        return send(method, "api/v1/" + path, json, "Bearer " + API_KEY);
    }

    @Test
    void healthAndOpenApiAnswer() throws Exception {
        Answer live = send("GET", "health/live", null, null);
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.object().getString("status"));
        Answer ready = send("GET", "health/ready", null, null);
        assertEquals(200, ready.status(), ready.body());
        Answer openapi = send("GET", "openapi", null, null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/webhooks"), "OpenAPI names the management API");
    }

    @Test
    void saleorManifestAndAdminSignInPageAreServed() throws Exception {
        Answer manifest = send("GET", "api/saleor/np-atobarai/manifest", null, null);
        assertEquals(200, manifest.status(), manifest.body());
        assertEquals("Payhooks NP Atobarai", manifest.object().getString("name"));
        assertTrue(manifest.object().getString("tokenTargetUrl").startsWith("http://127.0.0.1:" + domain.httpPort() + "/"),
            manifest.body());

        Answer signIn = send("GET", "admin/login", null, null);
        assertEquals(200, signIn.status());
        assertTrue(signIn.contentType().startsWith("text/html"), signIn.contentType());
    }

    @Test
    void anAdyenNotificationIsStoredAndDeliveredSignedToAWebhook() throws Exception {
        String slug = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, manage("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Smoke\", "
            + "\"currency\": \"SEK\", \"country\": \"SE\"}").status());
        Answer configured = manage("PUT", "channels/" + slug + "/providers/adyen", """
            {"apiKey": "adyen-smoke-api-key-1234", "merchantAccount": "Shop_ECOM", "clientKey": "test_CK",
             "environment": "TEST", "captureStrategy": "AUTHORIZE", "hmacKeys": ["%s"],
             "notificationUsername": "%s", "notificationPassword": "%s"}""".formatted(HMAC_KEY, USER, PASSWORD));
        assertEquals(200, configured.status(), configured.body());
        String url = configured.object().getString("notificationUrl");
        String endpointKey = url.substring(url.lastIndexOf('/') + 1);
        Answer webhook = manage("POST", "webhooks", "{\"label\": \"Smoke\", \"url\": \"http://127.0.0.1:"
            + receiver.getAddress().getPort() + "/hook\", \"events\": [\"transaction.authorization.success\"], "
            + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"SIGNATURE_KEY\"}}");
        assertEquals(201, webhook.status(), webhook.body());
        Answer revealed = manage("GET", "signature-key", null);
        assertEquals(200, revealed.status(), revealed.body());
        assertTrue(revealed.object().containsKey("key"), revealed.body());
        byte[] signatureKey = Base64.getDecoder().decode(revealed.object().getString("key").substring("whsec_".length()));

        String psp = "PSP-" + slug;
        String data = String.join(":", psp, "", "Shop_ECOM", "order-" + slug, "2500", "SEK", "AUTHORISATION", "true");
        String body = """
            {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "AUTHORISATION",
             "success": "true", "pspReference": "%s", "originalReference": "", "merchantAccountCode": "Shop_ECOM",
             "merchantReference": "order-%s", "amount": {"value": 2500, "currency": "SEK"},
             "eventDate": "2026-12-01T10:00:00+01:00", "reason": "",
             "additionalData": {"hmacSignature": "%s"}}}]}""".formatted(psp, slug, new HMACValidator().calculateHMAC(data, HMAC_KEY));
        Answer accepted = send("POST", "api/notifications/adyen/" + endpointKey, body, "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("[accepted]", accepted.body());

        // applied by the inbox worker just after the acknowledgement
        Answer transactions = Eventually.poll(Duration.ofSeconds(30),
            () -> manage("GET", "transactions?channel=" + slug + "&provider=adyen&limit=10", null),
            answer -> !answer.object().getJsonArray("items").isEmpty());
        assertEquals(1, transactions.object().getJsonArray("items").size(), transactions.body());

        Received delivered = received.poll(60, TimeUnit.SECONDS);
        assertNotNull(delivered, "no delivery reached the webhook within 60 s");
        assertTrue(delivered.body().contains("\"transaction.authorization.success\""), delivered.body());
        assertTrue(delivered.body().contains(psp), delivered.body());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signatureKey, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(delivered.body().getBytes(StandardCharsets.UTF_8)));
        assertTrue(List.of(delivered.headers().get("x-signature").split(" ")).contains(expected), delivered.headers().toString());
    }

    @Test
    void libraryLogsReachTheServerLog() throws Exception {
        String log = Files.readString(domain.serverLog(), StandardCharsets.UTF_8);
        assertFalse(log.contains("No SLF4J providers were found"), "an SLF4J provider is bound on Payara Server");
        assertFalse(log.contains(API_KEY), "the API key is never logged");
    }
}
