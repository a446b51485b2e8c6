package dev.payhooks.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * It runs on the server the integration tests share.
 */
@ExtendWith(SharedServer.class)
class SecurityIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String DB_URL = System.getProperty("payhooks.it.db.url", "");
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


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
        "api/saleor/np-atobarai/..;/../v1/channels", "api/v1%3Ba=b/channels",
        // the prefixes that skip Jakarta Security (CallerlessPaths) in front of management paths
        "api/notifications/../v1/channels", "api/notifications/%2e%2e/v1/channels", "api/notifications/..;/v1/channels",
        "api/notifications/adyen/..%2f..%2f..%2fv1/channels", "API/notifications/../v1/channels",
        "health/../api/v1/channels", "health%2F..%2Fapi/v1/channels");

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
            // confirmed moments after the acknowledgement, by the worker that applies stored notifications
            org.junit.jupiter.api.Assertions.assertEquals(1, (int) Eventually.poll(java.time.Duration.ofSeconds(20),
                refetches::get, n -> n >= 1), "the authenticated notification is confirmed by one re-fetch");
        } finally {
            api.stop(0);
        }
    }

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
             "authBaseUrl": "https://api.uat.walleydev.com", "apiBaseUrl": "https://api.uat.walleydev.com",
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

            // applied moments after the acknowledgement, by the worker that drains stored notifications
            for (String apiKey : new String[] {KEY, otherKey}) {
                HttpResponse<String> list = Eventually.poll(java.time.Duration.ofSeconds(20),
                    () -> manageAs(apiKey, "GET", "transactions?channel=" + slug, null),
                    answer -> answer.statusCode() != 200 || answer.body().contains("ref-" + order));
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
