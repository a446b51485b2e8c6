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

    static final int SALEOR_PORT = Integer.getInteger("payhooks.it.saleor.port", 18765);
    static final String SALEOR_API_URL = "http://127.0.0.1:" + SALEOR_PORT + "/graphql/";
    static final String OWNER_APP = "QXBwOjkwMQ==";
    static final String OWNER_TOKEN = "security-owner-token";
    static final String ATTACKER_TOKEN = "security-other-app-token";
    static com.github.tomakehurst.wiremock.WireMockServer fakeSaleor;

    /** A fake Saleor on the allow-listed port: JWKS, and {@code { app { id } }} for two apps' tokens. */
    static synchronized void startFakeSaleor() throws Exception {
        if (fakeSaleor != null) {
            return;
        }
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("security-1").generate();
        fakeSaleor = new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").port(SALEOR_PORT));
        fakeSaleor.start();
        fakeSaleor.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/.well-known/jwks.json")
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}")));
        appToken(OWNER_TOKEN, OWNER_APP);
        appToken(ATTACKER_TOKEN, "QXBwOjkwMg==");
    }

    static void appToken(String token, String appId) {
        fakeSaleor.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/graphql/")
            .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"data\":{\"app\":{\"id\":\"" + appId + "\"}}}")));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopFakeSaleor() {
        if (fakeSaleor != null) {
            fakeSaleor.stop();
        }
    }

    HttpResponse<String> saleorRegister(String token) throws Exception {
        return send(request("api/saleor/np-atobarai/register").header("Content-Type", "application/json")
            .header("Saleor-Api-Url", SALEOR_API_URL)
            .POST(HttpRequest.BodyPublishers.ofString("{\"auth_token\": \"" + token + "\"}")));
    }

    /**
     * Installs the owner app. The hub's first calls to Saleor (bounded at 2 s in the ITs) can miss
     * their bound on a cold, loaded server and answer 401; the installation is retried, at most 3 times.
     */
    void installOwner() throws Exception {
        HttpResponse<String> installed = saleorRegister(OWNER_TOKEN);
        for (int attempt = 1; attempt < 3 && installed.statusCode() == 401; attempt++) {
            installed = saleorRegister(OWNER_TOKEN);
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, installed.statusCode(), installed.body());
    }

    /** The np-atobarai installation in the fake Saleor, as the management API lists it. */
    java.util.Optional<jakarta.json.JsonObject> npInstallation() throws Exception {
        HttpResponse<String> list = send(request("api/v1/saleor-installations").header("Authorization", "Bearer " + KEY));
        org.junit.jupiter.api.Assertions.assertEquals(200, list.statusCode(), list.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(list.body())).readArray().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(i -> i.getString("apiUrl").equals(SALEOR_API_URL) && i.getString("provider").equals("np-atobarai"))
            .findFirst();
    }

    /** Removes the np-atobarai installation in the fake Saleor (another test class may have made one). */
    void removeNpInstallation() throws Exception {
        java.util.Optional<jakarta.json.JsonObject> existing = npInstallation();
        if (existing.isPresent()) {
            HttpResponse<String> removed = send(request("api/v1/saleor-installations/" + existing.get().getString("id"))
                .header("Authorization", "Bearer " + KEY).DELETE());
            org.junit.jupiter.api.Assertions.assertEquals(204, removed.statusCode(), removed.body());
        }
    }

    /** A webhook for the np-atobarai app signed with {@code signature} (and the deprecated header, when given). */
    HttpResponse<String> saleorWebhook(String body, String signature, String legacySignature) throws Exception {
        HttpRequest.Builder webhook = request("api/saleor/np-atobarai/webhooks/payment_gateway_initialize_session")
            .header("Content-Type", "application/json")
            .header("Saleor-Api-Url", SALEOR_API_URL)
            .header("Saleor-Event", "payment_gateway_initialize_session")
            .header("Saleor-Signature", signature);
        if (legacySignature != null) {
            webhook.header("X-Saleor-Signature", legacySignature);
        }
        return send(webhook.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String hmac(String body, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String gatewayBody(String recipient) {
        return "{\"__typename\": \"PaymentGatewayInitializeSession\", \"recipient\": {\"id\": \"" + recipient + "\"},"
            + " \"amount\": 1, \"data\": null, \"sourceObject\": {\"__typename\": \"Checkout\", \"id\": \"x\","
            + " \"channel\": {\"slug\": \"security-unconfigured\", \"currencyCode\": \"JPY\"}}}";
    }

    @org.junit.jupiter.api.Test
    void aSecondSaleorAppCannotTakeOverAnInstallationUntilStaffRemoveIt() throws Exception {
        startFakeSaleor();
        removeNpInstallation();
        installOwner();

        try {
            // another app of the same (allowed) Saleor registers with its own token
            HttpResponse<String> takeover = saleorRegister(ATTACKER_TOKEN);

            org.junit.jupiter.api.Assertions.assertEquals(409, takeover.statusCode(), takeover.body());
            jakarta.json.JsonObject error = jakarta.json.Json.createReader(new java.io.StringReader(takeover.body())).readObject();
            org.junit.jupiter.api.Assertions.assertEquals("APP_ALREADY_INSTALLED", error.getString("error"));
            org.junit.jupiter.api.Assertions.assertFalse(error.getString("message").isBlank());
            org.junit.jupiter.api.Assertions.assertEquals(OWNER_APP, npInstallation().orElseThrow().getString("appId"));
            // the stored token is still the owner's: a webhook signed with the other app's token is refused
            String body = gatewayBody(OWNER_APP);
            HttpResponse<String> forged = saleorWebhook(body, hmac(body, ATTACKER_TOKEN), null);
            org.junit.jupiter.api.Assertions.assertEquals(401, forged.statusCode(), forged.body());
            HttpResponse<String> genuine = saleorWebhook(body, hmac(body, OWNER_TOKEN), null);
            org.junit.jupiter.api.Assertions.assertNotEquals(401, genuine.statusCode(), genuine.body());

            // the same app rotates its token; after staff removed the installation another app may register
            org.junit.jupiter.api.Assertions.assertEquals(200, saleorRegister(OWNER_TOKEN).statusCode());
            removeNpInstallation();
            org.junit.jupiter.api.Assertions.assertEquals(200, saleorRegister(ATTACKER_TOKEN).statusCode());
        } finally {
            removeNpInstallation();
        }
    }

    @org.junit.jupiter.api.Test
    void aLegacyHmacNeverStandsInForAJwsThatFails() throws Exception {
        startFakeSaleor();
        removeNpInstallation();
        installOwner();
        try {
            String body = gatewayBody(OWNER_APP);
            String forgedJws = "eyJhbGciOiJSUzI1NiIsImtpZCI6InNlY3VyaXR5LTEiLCJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdfQ..Zm9yZ2Vk";

            HttpResponse<String> beside = saleorWebhook(body, hmac(body, OWNER_TOKEN), forgedJws);
            HttpResponse<String> under = saleorWebhook(body, forgedJws, hmac(body, OWNER_TOKEN));

            org.junit.jupiter.api.Assertions.assertEquals(401, beside.statusCode(), beside.body());
            org.junit.jupiter.api.Assertions.assertEquals(401, under.statusCode(), under.body());
        } finally {
            removeNpInstallation();
        }
    }

    @org.junit.jupiter.api.Test
    void saleorInstallationsAreManagedWithAnApiKeyOnly() throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(401, send(request("api/v1/saleor-installations")).statusCode());
        org.junit.jupiter.api.Assertions.assertEquals(401,
            send(request("api/v1/saleor-installations/np-atobarai.eA").DELETE()).statusCode());
        HttpResponse<String> unknown = send(request("api/v1/saleor-installations/np-atobarai.eA")
            .header("Authorization", "Bearer " + KEY).DELETE());
        org.junit.jupiter.api.Assertions.assertEquals(404, unknown.statusCode(), unknown.body());
    }

    // ---- outbound requests: provider base URLs and the SSRF guard ----------------------------

    // ---- inbound notifications: per-merchant deduplication -----------------------------------

    // ---- hostile input, headers and what the server reveals ----------------------------------
}
