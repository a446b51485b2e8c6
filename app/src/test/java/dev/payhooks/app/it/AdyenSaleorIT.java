package dev.payhooks.app.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adyen as a Saleor payment app, end to end on the deployed WAR: a fake Saleor (WireMock on the
 * allow-listed port) installs the Adyen app; the channel's Adyen is the hub's own sandbox
 * simulator. Initialize → Authorised (test card), charge requested → pending with the capture's
 * pspReference, the simulator's signed CAPTURE notification arrives, and the hub reports
 * CHARGE_SUCCESS to Saleor's {@code transactionEventReport} from its outbox.
 */
@ExtendWith(SharedServer.class)
class AdyenSaleorIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String OPERATOR_KEY = System.getProperty("payhooks.it.operator.key");
    static final int SALEOR_PORT = Integer.getInteger("payhooks.it.saleor.port", 18765);
    static final String API_URL = "http://127.0.0.1:" + SALEOR_PORT + "/graphql/";
    /** The fake Saleor under a second name, which the allow-list does not hold: another shop's own Saleor. */
    static final String SECOND_API_URL = "http://localhost:" + SALEOR_PORT + "/graphql/";
    static final String APP_ID = "QXBwOjI0";
    static final String TOKEN = "adyen-app-token-1";
    static final String HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";

    static WireMockServer saleor;
    static RSAKey signingKey;
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


    @BeforeAll
    static void fakeSaleor() throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        signingKey = new RSAKeyGenerator(2048).keyID("saleor-adyen-1").generate();
        saleor = new WireMockServer(options().bindAddress("127.0.0.1").port(SALEOR_PORT));
        saleor.start();
        saleor.stubFor(get("/.well-known/jwks.json")
            .willReturn(okJson("{\"keys\":[" + signingKey.toPublicJWK().toJSONString() + "]}")));
        saleor.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(matchingJsonPath("$.query", containing("app { id }")))
            .willReturn(okJson("{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}")));
        saleor.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(matchingJsonPath("$.query", containing("transactionEventReport(")))
            .willReturn(okJson("{\"data\":{\"transactionEventReport\":{\"alreadyProcessed\":false,"
                + "\"transactionEvent\":{\"id\":\"VHJhbnNhY3Rpb25FdmVudDo5\"},\"errors\":[]}}}")));
        // WireMock's first answer can be slow on a busy machine; the hub's Saleor bound in the ITs is 2 s
        http.send(HttpRequest.newBuilder(URI.create(saleor.baseUrl() + "/warm-up")).build(),
            HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stopSaleor() {
        if (saleor != null) {
            saleor.stop();
        }
    }

    @Test
    void initializeChargeAndTheCaptureNotificationIsReportedToSaleor() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "eu-" + run;
        String saleorTx = Base64.getEncoder().encodeToString(("TransactionItem:" + run).getBytes(StandardCharsets.UTF_8));
        adyenChannel(KEY, slug, run);

        HttpResponse<String> registered = register(API_URL);
        assertEquals(200, registered.statusCode(), registered.body());

        String capturePsp = authorizeAndCharge(slug, saleorTx, run);

        // the simulator's CAPTURE notification → the outbox → Saleor's transactionEventReport
        LoggedRequest report = awaitReport(saleorTx);
        JsonObject variables = json(report.getBodyAsString()).getJsonObject("variables");
        assertEquals(saleorTx, variables.getString("id"));
        assertEquals(capturePsp, variables.getString("pspReference"));
        assertEquals("CHARGE_SUCCESS", variables.getString("type"));
        assertEquals(new java.math.BigDecimal("24.00"), variables.getJsonNumber("amount").bigDecimalValue());
        assertEquals("Adyen CAPTURE", variables.getString("message"));
        assertTrue(variables.getString("time").endsWith("Z"), variables.toString());
        assertEquals("Bearer " + TOKEN, report.getHeader("Authorization"));
        // reported once: the worker marked it sent
        Thread.sleep(1000);
        assertEquals(1, reportsFor(saleorTx).size());
    }

    /**
     * A second merchant's own Saleor: an operator assigns its API URL (not on the allow-list), it
     * installs the app for that merchant, and with the same channel slug, Saleor transaction id and
     * app id as the default merchant's Saleor each merchant sees its own payment only.
     */
    @Test
    void aSecondMerchantsOwnSaleorInstallsForItAndKeepsItsPaymentsApart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "eu-" + run;
        String saleorTx = Base64.getEncoder().encodeToString(("TransactionItem:" + run).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = call("POST", "api/v1/merchants", "{\"name\": \"Own Saleor " + run + "\"}",
            Map.of("Authorization", "Bearer " + OPERATOR_KEY));
        assertEquals(201, created.statusCode(), created.body());
        String second = json(created.body()).getString("id");
        HttpResponse<String> issued = call("POST", "api/v1/merchants/" + second + "/api-keys", "{\"label\": \"IT\"}",
            Map.of("Authorization", "Bearer " + OPERATOR_KEY));
        String secondKey = json(issued.body()).getString("key");

        HttpResponse<String> refused = register(SECOND_API_URL);
        assertEquals(403, refused.statusCode(), "not allow-listed, not assigned: " + refused.body());
        String assignUrl = "api/v1/merchants/" + second + "/saleor-api-urls";
        HttpResponse<String> assigned = call("POST", assignUrl, "{\"apiUrl\": \"" + SECOND_API_URL + "\"}",
            Map.of("Authorization", "Bearer " + OPERATOR_KEY));
        assertEquals(201, assigned.statusCode(), assigned.body());
        assertEquals(409, call("POST", assignUrl, "{\"apiUrl\": \"" + SECOND_API_URL + "\"}",
            Map.of("Authorization", "Bearer " + OPERATOR_KEY)).statusCode());
        assertEquals(403, call("GET", assignUrl, null, Map.of("Authorization", "Bearer " + secondKey)).statusCode());
        assertTrue(call("GET", assignUrl, null, Map.of("Authorization", "Bearer " + OPERATOR_KEY)).body()
            .contains(SECOND_API_URL));

        assertEquals(200, register(API_URL).statusCode());
        HttpResponse<String> registered = register(SECOND_API_URL);
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(call("GET", "api/v1/saleor-installations", null, Map.of("Authorization", "Bearer " + secondKey)).body()
            .contains(SECOND_API_URL), "the installation works for the second merchant");
        assertTrue(!management("GET", "saleor-installations", null).body().contains(SECOND_API_URL));

        adyenChannel(KEY, slug, run);
        adyenChannel(secondKey, slug, run);
        for (String apiUrl : List.of(API_URL, SECOND_API_URL)) {
            JsonObject session = json(initialize(apiUrl, slug, saleorTx, run).body());
            assertEquals("AUTHORIZATION_SUCCESS", session.getString("result"), session.toString());
        }
        String query = "api/v1/transactions?channel=" + slug + "&provider=adyen&limit=10";
        jakarta.json.JsonArray firstSees = Json.createReader(new StringReader(management("GET",
            query.substring("api/v1/".length()), null).body())).readObject().getJsonArray("items");
        jakarta.json.JsonArray secondSees = Json.createReader(new StringReader(call("GET", query, null,
            Map.of("Authorization", "Bearer " + secondKey)).body())).readObject().getJsonArray("items");
        assertEquals(1, firstSees.size(), firstSees.toString());
        assertEquals(1, secondSees.size(), secondSees.toString());
        assertTrue(!firstSees.getJsonObject(0).getString("id").equals(secondSees.getJsonObject(0).getString("id")));

        HttpResponse<String> unassigned = call("DELETE", assignUrl + "?apiUrl="
            + java.net.URLEncoder.encode(SECOND_API_URL, StandardCharsets.UTF_8), null,
            Map.of("Authorization", "Bearer " + OPERATOR_KEY));
        assertEquals(204, unassigned.statusCode(), unassigned.body());
    }

    /**
     * Saleor reports the hub gave up on are the reconciliation's: one Saleor did not take while it
     * was down is sent again and taken once it is back; one it keeps failing is tried three times
     * (the ITs' max-attempts) and its transaction is flagged for staff; one Saleor refused is never
     * sent again.
     */
    @Test
    void reportsGivenUpWhileSaleorWasDownAreSentAgainByTheReconciliationAndFlaggedWhenTheyKeepFailing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "eu-" + run;
        adyenChannel(KEY, slug, run);
        assertEquals(200, register(API_URL).statusCode());
        Map<String, String> tx = new java.util.LinkedHashMap<>();
        for (String name : List.of("back", "down", "invalid")) {
            tx.put(name, Base64.getEncoder().encodeToString(("TransactionItem:" + name + "-" + run).getBytes(StandardCharsets.UTF_8)));
        }
        // "back": down for the sender's first and last attempt, then up; "down": never up; "invalid": refused
        String unavailable = "Saleor is down";
        saleor.stubFor(reportOf(tx.get("back")).inScenario("back-" + run).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(serviceUnavailable().withBody(unavailable)).willSetStateTo("once"));
        saleor.stubFor(reportOf(tx.get("back")).inScenario("back-" + run).whenScenarioStateIs("once")
            .willReturn(serviceUnavailable().withBody(unavailable)).willSetStateTo("up"));
        saleor.stubFor(reportOf(tx.get("back")).inScenario("back-" + run).whenScenarioStateIs("up")
            .willReturn(okJson("{\"data\":{\"transactionEventReport\":{\"alreadyProcessed\":false,\"errors\":[]}}}")));
        saleor.stubFor(reportOf(tx.get("down")).willReturn(serviceUnavailable().withBody(unavailable)));
        saleor.stubFor(reportOf(tx.get("invalid")).willReturn(okJson("{\"data\":{\"transactionEventReport\":"
            + "{\"alreadyProcessed\":false,\"errors\":[{\"field\":\"amount\",\"code\":\"INCORRECT_DETAILS\"}]}}}")));
        // the sender's first attempt fails; its retries take about 22 hours: the last one is made due at once
        for (String name : List.of("back", "down")) {
            authorizeAndCharge(slug, tx.get(name), run + "-" + name);
            awaitReport(tx.get(name));
            SaleorReportRows.awaitAttempts(tx.get(name), 1);
            assertEquals(1, SaleorReportRows.lastAttemptDueNow(tx.get(name)), "made due before the sender's second attempt");
        }
        authorizeAndCharge(slug, tx.get("invalid"), run + "-invalid");
        awaitReport(tx.get("invalid"));
        assertEquals("FAILED REFUSED 0", SaleorReportRows.await(tx.get("invalid"), "FAILED REFUSED 0"));

        // given up by the sender; "back" is sent again and taken, "down" three times and then flagged
        assertEquals("SENT null 1", SaleorReportRows.await(tx.get("back"), "SENT null 1"));
        assertEquals(3, reportsFor(tx.get("back")).size(), "the sender's first and last attempt, the reconciliation's one");
        assertEquals("FAILED FLAGGED 3", SaleorReportRows.await(tx.get("down"), "FAILED FLAGGED 3"));
        assertEquals(5, reportsFor(tx.get("down")).size(), "the sender's two attempts, the reconciliation's three");
        Thread.sleep(3000);
        assertEquals(5, reportsFor(tx.get("down")).size(), "a flagged report is not sent again");
        assertEquals(1, reportsFor(tx.get("invalid")).size(), "a refused report is never sent again");

        JsonObject flagged = json(management("GET", "transactions?needsAttention=true&channel=" + slug, null).body());
        assertEquals(1, flagged.getJsonArray("items").size(), flagged.toString());
        String downId = SaleorReportRows.transactionOf(tx.get("down"));
        assertEquals(downId, flagged.getJsonArray("items").getJsonObject(0).getString("id"));
        JsonObject reconciliation = json(management("GET", "transactions/" + downId, null).body())
            .getJsonObject("reconciliation");
        assertEquals("NEEDS_ATTENTION", reconciliation.getString("state"));
        assertTrue(reconciliation.getString("reason").startsWith("The Saleor report could not be delivered (CHARGE_SUCCESS"
            + " 24.00, pspReference SIM"), reconciliation.toString());
        assertTrue(reconciliation.getString("reason").endsWith("after 3 tries by the reconciliation: Saleor answered HTTP 503"),
            reconciliation.toString());
        long version = reconciliation.getJsonNumber("version").longValueExact();
        HttpResponse<String> stale = management("POST", "transactions/" + downId + "/resolve",
            "{\"note\": \"reported by hand\", \"version\": " + (version - 1) + "}");
        assertEquals(409, stale.statusCode(), "resolving what was read before the flag: " + stale.body());
        assertEquals("NEEDS_ATTENTION", json(management("GET", "transactions/" + downId, null).body())
            .getJsonObject("reconciliation").getString("state"), "nothing written by the refused resolve");
        assertEquals(200, management("POST", "transactions/" + downId + "/resolve",
            "{\"note\": \"reported by hand\", \"version\": " + version + "}").statusCode());
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + "/metrics"))
            .header("Authorization", "Bearer " + System.getProperty("payhooks.it.metrics.token")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("payhooks_reconciliation_total{")
            && line.contains("outcome=\"report_flagged\"") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1),
            metrics);
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Initializes a Saleor payment with Adyen's documented Visa test card (Authorised by the
     * simulator) and requests its charge: Saleor gets "pending" with the capture's pspReference,
     * which it returns, and the simulator's CAPTURE notification follows.
     */
    String authorizeAndCharge(String slug, String saleorTx, String run) throws Exception {
        HttpResponse<String> initialized = initialize(API_URL, slug, saleorTx, run);
        assertEquals(200, initialized.statusCode(), initialized.body());
        JsonObject session = json(initialized.body());
        assertEquals("AUTHORIZATION_SUCCESS", session.getString("result"), session.toString());
        String psp = session.getString("pspReference");
        assertEquals("CARD", session.getJsonObject("paymentMethodDetails").getString("type"));

        HttpResponse<String> charged = webhook("transaction_charge_requested", """
            {"__typename": "TransactionChargeRequested", "recipient": {"id": "%s"},
             "action": {"actionType": "CHARGE", "amount": 24.00, "currency": "EUR"},
             "transaction": {"id": "%s", "token": "0c2f-uuid", "pspReference": "%s",
               "chargedAmount": {"amount": 0, "currency": "EUR"}, "authorizedAmount": {"amount": 24.00, "currency": "EUR"},
               "order": null, "checkout": %s}}""".formatted(APP_ID, saleorTx, psp, checkout(slug)));
        assertEquals(200, charged.statusCode(), charged.body());
        String capturePsp = json(charged.body()).getString("pspReference");
        assertTrue(!capturePsp.equals(psp) && capturePsp.startsWith("SIM"), charged.body());
        return capturePsp;
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder reportOf(String saleorTx) {
        return post("/graphql/").atPriority(1).withRequestBody(matchingJsonPath("$.query", containing("transactionEventReport(")))
            .withRequestBody(matchingJsonPath("$.variables.id", equalTo(saleorTx)));
    }

    /** Opens a channel for the key's merchant with the hub's Adyen simulator as its Adyen. */
    void adyenChannel(String key, String slug, String run) throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + key);
        assertEquals(201, call("POST", "api/v1/channels", "{\"slug\": \"" + slug + "\", \"name\": \"EU\", "
            + "\"currency\": \"EUR\", \"country\": \"DE\"}", auth).statusCode());
        HttpResponse<String> configured = call("PUT", "api/v1/channels/" + slug + "/providers/adyen", """
            {"apiKey": "sim-api-key-%s", "merchantAccount": "Shop_ECOM_%s", "clientKey": "test_CK", "environment": "TEST",
             "captureStrategy": "AUTHORIZE", "hmacKeys": ["%s"], "notificationUsername": "adyen",
             "notificationPassword": "adyen-password-%s", "apiBaseUrl": "%ssandbox/adyen/v71"}"""
            .formatted(run, run, HMAC_KEY, run, base()), auth);
        assertEquals(200, configured.statusCode(), configured.body());
    }

    HttpResponse<String> register(String apiUrl) throws Exception {
        return call("POST", "api/saleor/adyen/register", "{\"auth_token\": \"" + TOKEN + "\"}",
            Map.of("Saleor-Api-Url", apiUrl));
    }

    /** Initialize with Adyen's documented Visa test card: Authorised by the simulator. */
    HttpResponse<String> initialize(String apiUrl, String slug, String saleorTx, String run) throws Exception {
        return webhook(apiUrl, "transaction_initialize_session", """
            {"__typename": "TransactionInitializeSession", "issuedAt": "2026-11-20T10:00:05+00:00",
             "recipient": {"id": "%s"}, "idempotencyKey": "idem-%s", "merchantReference": "%s",
             "data": {"paymentMethod": {"type": "scheme", "encryptedCardNumber": "test_4111111145551142",
               "encryptedExpiryMonth": "test_03", "encryptedExpiryYear": "test_2030", "encryptedSecurityCode": "test_737",
               "holderName": "Anna Berg"}, "returnUrl": "https://shop.example/return"},
             "action": {"amount": 24.00, "currency": "EUR", "actionType": "AUTHORIZATION"},
             "transaction": {"id": "%s", "token": "0c2f-uuid", "pspReference": ""},
             "sourceObject": %s}""".formatted(APP_ID, run, saleorTx, saleorTx, checkout(slug)));
    }

    LoggedRequest awaitReport(String saleorTx) throws Exception {
        List<LoggedRequest> found = Eventually.poll(Duration.ofSeconds(20), () -> reportsFor(saleorTx), reports -> !reports.isEmpty());
        if (!found.isEmpty()) {
            return found.get(0);
        }
        throw new AssertionError("Saleor got no transactionEventReport for " + saleorTx);
    }

    static List<LoggedRequest> reportsFor(String saleorTx) {
        return saleor.findAll(postRequestedFor(urlEqualTo("/graphql/"))
            .withRequestBody(matchingJsonPath("$.query", containing("transactionEventReport(")))
            .withRequestBody(matchingJsonPath("$.variables.id", equalTo(saleorTx))));
    }

    static String checkout(String slug) {
        String address = """
            {"firstName": "Anna", "lastName": "Berg", "companyName": "", "streetAddress1": "Hauptstr. 1",
             "streetAddress2": "", "city": "Berlin", "cityArea": "", "postalCode": "10115", "countryArea": "",
             "country": {"code": "DE"}, "phone": "+49301234567"}""";
        return """
            {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6OQ==", "email": "anna@example.test",
             "channel": {"id": "Q2hhbm5lbDo5", "slug": "%s", "currencyCode": "EUR"},
             "totalPrice": {"gross": {"amount": 24.00, "currency": "EUR"}},
             "shippingPrice": {"gross": {"amount": 4.00}}, "discount": {"amount": 0},
             "billingAddress": %s, "shippingAddress": %s,
             "lines": [{"id": "Q2hlY2tvdXRMaW5lOjk=", "quantity": 2,
               "variant": {"sku": "CUP", "name": "Blue", "product": {"name": "Tea cup"}},
               "unitPrice": {"gross": {"amount": 10.00}}, "totalPrice": {"gross": {"amount": 20.00}}}]}"""
            .formatted(slug, address, address);
    }

    String base() {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort() + deploymentUrl.getPath();
        return base.endsWith("/") ? base : base + "/";
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Saleor's signature: JWS RS256, detached unencoded payload, signed over the raw bytes. */
    static String sign(String body) throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
            .base64URLEncodePayload(false).criticalParams(Set.of("b64")).build();
        String encodedHeader = header.toBase64URL().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] headerBytes = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[headerBytes.length + 1 + bytes.length];
        System.arraycopy(headerBytes, 0, input, 0, headerBytes.length);
        input[headerBytes.length] = '.';
        System.arraycopy(bytes, 0, input, headerBytes.length + 1, bytes.length);
        return encodedHeader + ".." + new RSASSASigner(signingKey).sign(header, input);
    }

    HttpResponse<String> webhook(String event, String body) throws Exception {
        return webhook(API_URL, event, body);
    }

    HttpResponse<String> webhook(String apiUrl, String event, String body) throws Exception {
        return call("POST", "api/saleor/adyen/webhooks/" + event, body, Map.of("Saleor-Api-Url", apiUrl,
            "Saleor-Event", event, "Saleor-Domain", "127.0.0.1", "Saleor-Signature", sign(body)));
    }

    HttpResponse<String> management(String method, String path, String body) throws Exception {
        return call(method, "api/v1/" + path, body, Map.of("Authorization", "Bearer " + KEY));
    }

    HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
