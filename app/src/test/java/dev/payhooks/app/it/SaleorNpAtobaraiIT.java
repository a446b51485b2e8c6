package dev.payhooks.app.it;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NP Atobarai Saleor app end to end on Payara Micro: a fake Saleor (GraphQL + JWKS, in
 * WireMock on the allow-listed port) installs the app, then sends signed webhooks: gateway
 * initialize, initialize (on hold) → process → success, a tracking number (reported to NP by
 * the background worker, with an order note in Saleor), and a partial refund after shipment
 * (cancel, re-register, re-ship, new pspReference). NP is WireMock too.
 */
@ExtendWith(SharedServer.class)
class SaleorNpAtobaraiIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final int SALEOR_PORT = Integer.getInteger("payhooks.it.saleor.port", 18765);
    static final String API_URL = "http://127.0.0.1:" + SALEOR_PORT + "/graphql/";
    static final String APP_ID = "QXBwOjE0";
    static final String SALEOR_TX = "VHJhbnNhY3Rpb25JdGVtOjE=";

    static WireMockServer saleor;
    static WireMockServer np;
    static RSAKey signingKey;
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


    @BeforeAll
    static void fakes() throws Exception {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        signingKey = new RSAKeyGenerator(2048).keyID("saleor-1").generate();
        saleor = new WireMockServer(options().bindAddress("127.0.0.1").port(SALEOR_PORT));
        saleor.start();
        saleor.stubFor(get("/.well-known/jwks.json")
            .willReturn(okJson("{\"keys\":[" + signingKey.toPublicJWK().toJSONString() + "]}")));
        saleor.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer app-token-1"))
            .withRequestBody(matchingJsonPath("$.query", containing("app { id }")))
            .willReturn(okJson("{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}")));
        saleor.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer app-token-1"))
            .withRequestBody(matchingJsonPath("$.query", containing("orderNoteAdd")))
            .willReturn(okJson("{\"data\":{\"orderNoteAdd\":{\"event\":{\"id\":\"RXZlbnQ6MQ==\"},\"errors\":[]}}}")));
        np = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        np.start();
    }

    @AfterAll
    static void stopFakes() {
        if (saleor != null) {
            saleor.stop();
        }
        if (np != null) {
            np.stop();
        }
    }

    @Test
    void installInitializeProcessShipAndRefundAfterShipment() throws Exception {
        // the merchant configures the channel and NP Atobarai
        assertEquals(201, management("POST", "channels",
            "{\"slug\": \"jp-store\", \"name\": \"Japan\", \"currency\": \"JPY\", \"country\": \"JP\"}").statusCode());
        HttpResponse<String> configured = management("PUT", "channels/jp-store/providers/np-atobarai",
            "{\"merchantCode\": \"merchant-1\", \"secretSpCode\": \"sp-secret-1\", \"terminalId\": \"terminal-9\","
                + " \"shippingCompanyCode\": \"50000\", \"skuAsName\": true, \"apiBaseUrl\": \"" + np.baseUrl() + "/v1/\"}");
        assertEquals(200, configured.statusCode(), configured.body());

        // manifest
        HttpResponse<String> manifest = call("GET", "api/saleor/np-atobarai/manifest", null, null);
        assertEquals(200, manifest.statusCode(), manifest.body());
        JsonObject m = json(manifest.body());
        assertTrue(m.getString("tokenTargetUrl").endsWith("/api/saleor/np-atobarai/register"), m.toString());
        assertEquals(5, m.getJsonArray("webhooks").size());
        assertTrue(m.getJsonArray("webhooks").getJsonObject(1).getString("targetUrl")
            .endsWith("/api/saleor/np-atobarai/webhooks/transaction_initialize_session"));

        // registration
        HttpResponse<String> refused = call("POST", "api/saleor/np-atobarai/register", "{\"auth_token\": \"app-token-1\"}",
            java.util.Map.of("Saleor-Api-Url", "http://evil.example/graphql/"));
        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> registered = call("POST", "api/saleor/np-atobarai/register",
            "{\"auth_token\": \"app-token-1\"}", java.util.Map.of("Saleor-Api-Url", API_URL));
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals("{\"success\":true}", registered.body());

        // gateway initialize
        HttpResponse<String> gateway = webhook("payment_gateway_initialize_session", """
            {"__typename": "PaymentGatewayInitializeSession", "issuedAt": "2026-11-20T10:00:00+00:00",
             "recipient": {"id": "%s"}, "amount": 2100, "data": null, "sourceObject": %s}""".formatted(APP_ID, checkout()));
        assertEquals(200, gateway.statusCode(), gateway.body());
        assertEquals("{\"data\":{}}", gateway.body());

        // initialize: NP holds (RE015), then process after the customer fixed the address
        np.stubFor(post("/v1/transactions").inScenario("np").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"11111111111\",\"authori_result\":\"10\",\"authori_hold\":[\"RE015\"]}]}"))
            .willSetStateTo("held"));
        HttpResponse<String> held = webhook("transaction_initialize_session", session("TransactionInitializeSession",
            "\"idempotencyKey\": \"idem-1\",", ""));
        assertEquals(200, held.statusCode(), held.body());
        JsonObject heldJson = json(held.body());
        assertEquals("CHARGE_ACTION_REQUIRED", heldJson.getString("result"));
        assertEquals("RE015", heldJson.getJsonObject("data").getJsonArray("errors").getJsonObject(0).getString("code"));
        // the hold is younger than the reconciliation's age: nothing flagged yet, nothing to resolve
        HttpResponse<String> flagged = management("GET", "transactions?needsAttention=true", null);
        assertEquals(200, flagged.statusCode(), flagged.body());
        assertTrue(json(flagged.body()).getJsonArray("items").isEmpty(), flagged.body());
        assertEquals(400, management("GET", "transactions?needsAttention=maybe", null).statusCode());
        String heldId = json(management("GET", "transactions?status=CHARGE_ACTION_REQUIRED", null).body())
            .getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(404, management("POST", "transactions/" + heldId + "/resolve", "{}").statusCode());

        np.stubFor(patch(urlEqualTo("/v1/transactions/update"))
            .willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"11111111111\",\"authori_result\":\"00\"}]}")));
        HttpResponse<String> processed = webhook("transaction_process_session", session("TransactionProcessSession", "",
            "11111111111"));
        assertEquals(200, processed.statusCode(), processed.body());
        assertEquals("CHARGE_SUCCESS", json(processed.body()).getString("result"));
        assertEquals("11111111111", json(processed.body()).getString("pspReference"));

        // the same initialize again: the stored answer, NP not called twice
        HttpResponse<String> repeated = webhook("transaction_initialize_session", session("TransactionInitializeSession",
            "\"idempotencyKey\": \"idem-1\",", ""));
        assertEquals(held.body(), repeated.body());
        np.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")));

        // tracking number: acknowledged, then reported by the worker, with an order note in Saleor
        np.stubFor(post("/v1/shipments").willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"11111111111\"}]}")));
        HttpResponse<String> tracked = webhook("fulfillment_tracking_number_updated", """
            {"__typename": "FulfillmentTrackingNumberUpdated", "issuedAt": "2026-11-21T07:00:00+00:00",
             "recipient": {"id": "%s"},
             "fulfillment": {"id": "RnVsZmlsbG1lbnQ6MQ==", "trackingNumber": "1234567890", "metadata": [],
               "privateMetadata": []},
             "order": {"id": "T3JkZXI6MQ==", "number": "1042", "channel": {"slug": "jp-store", "currencyCode": "JPY"},
               "transactions": [{"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "11111111111",
                 "createdBy": {"__typename": "App", "id": "%s"}, "events": [{"type": "CHARGE_SUCCESS"}]}]}}"""
            .formatted(APP_ID, SALEOR_TX, APP_ID));
        assertEquals(200, tracked.statusCode(), tracked.body());
        awaitRequest(np, postRequestedFor(urlEqualTo("/v1/shipments"))
            .withRequestBody(matchingJsonPath("$.transactions[0].slip_no", equalTo("1234567890")))
            .withRequestBody(matchingJsonPath("$.transactions[0].pd_company_code", equalTo("50000"))));
        awaitRequest(saleor, postRequestedFor(urlEqualTo("/graphql/"))
            .withRequestBody(matchingJsonPath("$.variables.message",
                equalTo("Successfully reported fulfillment for tracking number 1234567890"))));

        // partial refund after shipment: cancel, re-register (new id), report the shipment again
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel"))
            .willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"11111111111\"}]}")));
        np.stubFor(post("/v1/transactions").inScenario("np").whenScenarioStateIs("held")
            .willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"22222222222\",\"authori_result\":\"00\"}]}")));
        HttpResponse<String> refunded = webhook("transaction_refund_requested", """
            {"__typename": "TransactionRefundRequested", "issuedAt": "2026-11-21T08:00:00+00:00",
             "recipient": {"id": "%s"},
             "action": {"actionType": "REFUND", "amount": 1000, "currency": "JPY"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "11111111111",
               "createdAt": "2026-11-20T10:00:05+00:00",
               "chargedAmount": {"amount": 2100, "currency": "JPY"}, "authorizedAmount": {"amount": 0, "currency": "JPY"},
               "order": %s, "checkout": null},
             "grantedRefund": null}""".formatted(APP_ID, SALEOR_TX, order()));
        assertEquals(200, refunded.statusCode(), refunded.body());
        JsonObject refund = json(refunded.body());
        assertEquals("REFUND_SUCCESS", refund.getString("result"), refund.toString());
        assertEquals("22222222222", refund.getString("pspReference"));
        np.verify(postRequestedFor(urlEqualTo("/v1/shipments"))
            .withRequestBody(matchingJsonPath("$.transactions[0].np_transaction_id", equalTo("22222222222"))));

        // the hub's transaction: charged 2100, refunded 1000, known under the new NP id
        HttpResponse<String> list = management("GET", "transactions?provider=np-atobarai", null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("22222222222"), list.body());

        // refusals: bad signature, foreign recipient, unconfigured channel
        String body = session("TransactionInitializeSession", "\"idempotencyKey\": \"idem-2\",", "");
        HttpResponse<String> badSignature = call("POST", "api/saleor/np-atobarai/webhooks/transaction_initialize_session",
            body, java.util.Map.of("Saleor-Api-Url", API_URL, "Saleor-Event", "transaction_initialize_session",
                "Saleor-Signature", sign(body.replace("2100", "2101"))));
        assertEquals(401, badSignature.statusCode(), badSignature.body());
        HttpResponse<String> foreign = webhook("transaction_initialize_session", body.replace(APP_ID, "QXBwOjk5"));
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals("Recipient ID does not match auth data ID", json(foreign.body()).getString("message"));
        HttpResponse<String> unconfigured = webhook("payment_gateway_initialize_session", """
            {"recipient": {"id": "%s"}, "sourceObject": %s}""".formatted(APP_ID, checkout().replace("jp-store", "us-store")));
        assertEquals(400, unconfigured.statusCode(), unconfigured.body());
        assertEquals("App is not configured", json(unconfigured.body()).getString("message"));

        // the sandbox NP simulator is served (sandbox mode) and asks for NP's credentials
        HttpResponse<String> simulator = call("POST", "sandbox/np-atobarai/v1/transactions", "{\"transactions\": []}", null);
        assertEquals(401, simulator.statusCode(), simulator.body());
        // the Saleor surface is in the OpenAPI document
        HttpResponse<String> openapi = call("GET", "openapi", null, null);
        assertTrue(openapi.body().contains("/api/saleor/{provider}/webhooks/{event}"), openapi.body());
    }

    // ---- helpers --------------------------------------------------------------------------

    static void awaitRequest(WireMockServer server, com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern)
        throws Exception {
        if (Eventually.holds(Duration.ofSeconds(15), () -> !server.findAll(pattern).isEmpty())) {
            return;
        }
        throw new AssertionError("no request matching " + pattern.build() + "; got " + server.getAllServeEvents().size() + " requests");
    }

    static String address() {
        return """
            {"firstName": "Hanako", "lastName": "Yamada", "companyName": "", "streetAddress1": "1-2-3 Shibuya",
             "streetAddress2": "", "city": "Shibuya-ku", "cityArea": "", "postalCode": "150-0002",
             "countryArea": "Tokyo", "country": {"code": "JP"}, "phone": "+81312345678"}""";
    }

    static String checkout() {
        return """
            {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6MQ==", "email": "hanako@example.jp",
             "channel": {"id": "Q2hhbm5lbDox", "slug": "jp-store", "currencyCode": "JPY"},
             "totalPrice": {"gross": {"amount": 2100, "currency": "JPY"}},
             "shippingPrice": {"gross": {"amount": 200}}, "discount": {"amount": 100},
             "billingAddress": %s, "shippingAddress": %s,
             "lines": [{"id": "Q2hlY2tvdXRMaW5lOjE=", "quantity": 2,
               "variant": {"sku": "TEST-SKU", "name": "Blue", "product": {"name": "Tea cup"}},
               "unitPrice": {"gross": {"amount": 1000}}, "totalPrice": {"gross": {"amount": 2000}}}]}"""
            .formatted(address(), address());
    }

    static String order() {
        return """
            {"__typename": "Order", "id": "T3JkZXI6MQ==", "number": "1042", "userEmail": "hanako@example.jp",
             "channel": {"id": "Q2hhbm5lbDox", "slug": "jp-store", "currencyCode": "JPY"},
             "total": {"gross": {"amount": 2100, "currency": "JPY"}}, "shippingPrice": {"gross": {"amount": 200}},
             "discounts": [{"amount": {"amount": 100}}], "billingAddress": %s, "shippingAddress": %s,
             "lines": [{"id": "T3JkZXJMaW5lOjE=", "productSku": "TEST-SKU", "productName": "Tea cup",
               "variantName": "Blue", "quantity": 2, "unitPrice": {"gross": {"amount": 1000}},
               "totalPrice": {"gross": {"amount": 2000}}}]}""".formatted(address(), address());
    }

    static String session(String typename, String idempotency, String pspReference) {
        return """
            {"__typename": "%s", "issuedAt": "2026-11-20T10:00:05+00:00", "recipient": {"id": "%s"}, %s
             "merchantReference": "%s", "data": null,
             "action": {"amount": 2100, "currency": "JPY", "actionType": "CHARGE"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "%s"},
             "sourceObject": %s}""".formatted(typename, APP_ID, idempotency, SALEOR_TX, SALEOR_TX, pspReference, checkout());
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
        return call("POST", "api/saleor/np-atobarai/webhooks/" + event, body, java.util.Map.of(
            "Saleor-Api-Url", API_URL, "Saleor-Event", event, "Saleor-Domain", "127.0.0.1", "Saleor-Signature", sign(body)));
    }

    HttpResponse<String> management(String method, String path, String body) throws Exception {
        return call(method, "api/v1/" + path, body, java.util.Map.of("Authorization", "Bearer " + KEY));
    }

    HttpResponse<String> call(String method, String path, String body, java.util.Map<String, String> headers) throws Exception {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort() + deploymentUrl.getPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base : base + "/") + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
