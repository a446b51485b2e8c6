package dev.payhooks.app.it;

import com.adyen.util.HMACValidator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adyen on the deployed WAR: the Adyen library's HMAC validation runs inside Payara (no second
 * JSON stack), a signed batch is acknowledged with {@code [accepted]} and changes its payment
 * once, a forged one is refused, and the Saleor app for Adyen is served with its six webhooks.
 */
@ExtendWith(SharedServer.class)
class AdyenIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String OPERATOR_KEY = System.getProperty("payhooks.it.operator.key");
    static final String HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";
    static final String OTHER_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    static final String USER = "adyen-it";
    static final String PASSWORD = "adyen-it-password";
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


    @BeforeAll
    static void client() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Answer(int status, String body, String contentType) {
        JsonObject object() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    String base() {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort() + deploymentUrl.getPath();
        return base.endsWith("/") ? base : base + "/";
    }

    Answer send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
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

    Answer manage(String method, String path, String json) throws Exception {
        return manageAs(KEY, method, path, json);
    }

    Answer manageAs(String key, String method, String path, String json) throws Exception {
        return send(method, "api/v1/" + path, json, "Bearer " + key);
    }

    /** Opens channel {@code slug} for the key's merchant with the test's Adyen account; answers the notification endpoint key. */
    String adyenChannel(String key, String slug) throws Exception {
        Answer opened = manageAs(key, "POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"IT\", \"currency\": \"SEK\", "
            + "\"country\": \"SE\"}");
        assertEquals(201, opened.status(), opened.body());
        Answer configured = manageAs(key, "PUT", "channels/" + slug + "/providers/adyen", """
            {"apiKey": "adyen-it-api-key-1234", "merchantAccount": "Shop_ECOM", "clientKey": "test_CK",
             "environment": "TEST", "captureStrategy": "AUTHORIZE", "hmacKeys": ["%s"],
             "notificationUsername": "%s", "notificationPassword": "%s"}""".formatted(HMAC_KEY, USER, PASSWORD));
        assertEquals(200, configured.status(), configured.body());
        String url = configured.object().getString("notificationUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The transactions the key's merchant sees in channel {@code slug}, once {@code done} holds for them. */
    JsonArray transactions(String key, String slug, java.util.function.Predicate<JsonArray> done) throws Exception {
        return Eventually.poll(Duration.ofSeconds(20), () -> {
            Answer listed = manageAs(key, "GET", "transactions?channel=" + slug + "&provider=adyen&limit=10", null);
            // read while the worker applies the batch: every answer is a whole page, never an error
            assertEquals(200, listed.status(), listed.body());
            return listed.object().getJsonArray("items");
        }, done);
    }

    Answer notifyAdyen(String endpointKey, String body) throws Exception {
        return send("POST", "api/notifications/adyen/" + endpointKey, body, "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    static String item(String eventCode, String psp, String original, String reference, long value, String key)
        throws Exception {
        String data = String.join(":", psp, original, "Shop_ECOM", reference, String.valueOf(value), "SEK", eventCode, "true");
        return """
            {"NotificationRequestItem": {"eventCode": "%s", "success": "true", "pspReference": "%s",
             "originalReference": "%s", "merchantAccountCode": "Shop_ECOM", "merchantReference": "%s",
             "amount": {"value": %d, "currency": "SEK"}, "eventDate": "2026-11-23T10:00:00+01:00", "reason": "",
             "additionalData": {"hmacSignature": "%s"}}}"""
            .formatted(eventCode, psp, original, reference, value, new HMACValidator().calculateHMAC(data, key));
    }

    static String batch(String... items) {
        return "{\"live\": \"false\", \"notificationItems\": [" + String.join(", ", items) + "]}";
    }

    List<String> eventTypes(String transactionId) throws Exception {
        List<String> types = new ArrayList<>();
        for (JsonValue value : manage("GET", "events?limit=200", null).object().getJsonArray("items")) {
            JsonObject event = value.asJsonObject();
            if (event.getString("source", "").startsWith("transaction:" + transactionId + ":")) {
                types.add(event.getString("event_type"));
            }
        }
        return types.stream().sorted().toList();
    }

    @Test
    void signedBatchIsAcceptedOnceAndForgedOneRefused() throws Exception {
        String slug = "adyen-" + UUID.randomUUID().toString().substring(0, 8);
        String endpointKey = adyenChannel(KEY, slug);
        String reference = "order-" + slug;

        String body = batch(item("AUTHORISATION", "PSP-" + slug, "", reference, 2500, HMAC_KEY),
            item("CAPTURE", "CAP-" + slug, "PSP-" + slug, reference, 2500, HMAC_KEY));
        Answer accepted = notifyAdyen(endpointKey, body);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("[accepted]", accepted.body());
        assertTrue(accepted.contentType().startsWith("text/plain"), accepted.contentType());

        // applied shortly after the acknowledgement, by the worker that drains stored notifications
        JsonArray items = transactions(KEY, slug, found -> found.size() == 1);
        assertEquals(1, items.size());
        String id = items.getJsonObject(0).getString("id");
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"),
            Eventually.poll(Duration.ofSeconds(20), () -> eventTypes(id), types -> types.size() == 2));

        Answer again = notifyAdyen(endpointKey, body);
        assertEquals("[accepted]", again.body());
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), eventTypes(id));

        Answer forged = notifyAdyen(endpointKey, batch(item("REFUND", "REF-" + slug, "PSP-" + slug, reference, 2500,
            OTHER_KEY)));
        assertEquals(401, forged.status(), forged.body());
        assertEquals("unauthorized", forged.object().getString("error"));
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), eventTypes(id));
    }

    /**
     * An operator adds a second merchant, which configures the same Adyen account and receives a
     * notification with the same references: each merchant sees its own transaction only, and a
     * disabled merchant's key is refused while the other's works on.
     */
    @Test
    void twoMerchantsWithTheSameProviderIdsStayApart() throws Exception {
        Answer created = manageAs(OPERATOR_KEY, "POST", "merchants", "{\"name\": \"Second shop\"}");
        assertEquals(201, created.status(), created.body());
        String second = created.object().getString("id");
        Answer issued = manageAs(OPERATOR_KEY, "POST", "merchants/" + second + "/api-keys", "{\"label\": \"IT backend\"}");
        assertEquals(201, issued.status(), issued.body());
        String secondKey = issued.object().getString("key");
        assertEquals(second, manageAs(secondKey, "GET", "merchant", null).object().getString("id"));

        // each kind of key stays on its own side
        assertEquals(403, manageAs(KEY, "GET", "merchants", null).status());
        assertEquals(403, manageAs(secondKey, "POST", "merchants", "{\"name\": \"Mine\"}").status());
        Answer operatorOnChannels = manageAs(OPERATOR_KEY, "GET", "channels", null);
        assertEquals(403, operatorOnChannels.status(), operatorOnChannels.body());
        assertEquals("forbidden", operatorOnChannels.object().getString("error"));
        assertEquals(401, manageAs("pho_" + "0".repeat(40), "GET", "merchants", null).status());

        // the same channel slug, Adyen account, HMAC key and references at both merchants
        String slug = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String firstEndpoint = adyenChannel(KEY, slug);
        String secondEndpoint = adyenChannel(secondKey, slug);
        String body = batch(item("AUTHORISATION", "PSP-" + slug, "", "order-" + slug, 2500, HMAC_KEY));
        assertEquals("[accepted]", notifyAdyen(firstEndpoint, body).body());
        assertEquals("[accepted]", notifyAdyen(secondEndpoint, body).body());

        JsonArray firstSees = transactions(KEY, slug, found -> found.size() == 1);
        JsonArray secondSees = transactions(secondKey, slug, found -> found.size() == 1);
        assertEquals(1, firstSees.size(), "the second merchant's notification did not land at the first: " + firstSees);
        assertEquals(1, secondSees.size(), "the first merchant's notification was not swallowed as a duplicate: " + secondSees);
        String firstId = firstSees.getJsonObject(0).getString("id");
        String secondId = secondSees.getJsonObject(0).getString("id");
        assertTrue(!firstId.equals(secondId));
        assertEquals(404, manageAs(secondKey, "GET", "transactions/" + firstId, null).status());
        assertEquals(404, manageAs(KEY, "GET", "transactions/" + secondId, null).status());
        assertEquals(List.of("transaction.authorization.success"), Eventually.poll(Duration.ofSeconds(20),
            () -> eventTypes(firstId), types -> types.size() == 1), "the first merchant's events hold its own transaction");
        assertEquals(List.of(), eventTypes(secondId), "and none of the second merchant's");

        // disabled: the second merchant's key is refused, the first merchant's works on
        assertEquals(409, manageAs(OPERATOR_KEY, "POST", "merchants/" + manage("GET", "merchant", null).object().getString("id")
            + "/disable", null).status(), "the default merchant stays enabled");
        Answer disabled = manageAs(OPERATOR_KEY, "POST", "merchants/" + second + "/disable", null);
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(false, disabled.object().getBoolean("enabled"));
        Answer refused = manageAs(secondKey, "GET", "transactions", null);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden", refused.object().getString("error"));
        assertEquals(200, manage("GET", "transactions", null).status());
        assertEquals(200, manageAs(OPERATOR_KEY, "POST", "merchants/" + second + "/enable", null).status());
        assertEquals(200, manageAs(secondKey, "GET", "transactions", null).status());
    }

    @Test
    void saleorAppForAdyenIsServed() throws Exception {
        Answer manifest = send("GET", "api/saleor/adyen/manifest", null, null);
        assertEquals(200, manifest.status(), manifest.body());
        List<String> events = new ArrayList<>();
        for (JsonValue webhook : manifest.object().getJsonArray("webhooks")) {
            JsonObject w = webhook.asJsonObject();
            w.getJsonArray("syncEvents").getValuesAs(jakarta.json.JsonString.class).forEach(e -> events.add(e.getString()));
        }
        assertEquals(List.of("PAYMENT_GATEWAY_INITIALIZE_SESSION", "TRANSACTION_INITIALIZE_SESSION",
            "TRANSACTION_PROCESS_SESSION", "TRANSACTION_CHARGE_REQUESTED", "TRANSACTION_CANCELATION_REQUESTED",
            "TRANSACTION_REFUND_REQUESTED"), events);
    }
}
