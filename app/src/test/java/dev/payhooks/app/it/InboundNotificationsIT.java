package dev.payhooks.app.it;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.payhooks.adapters.notifications.CorpusCase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walley and Annanow notifications as real HTTP requests to the running server: every documented
 * event changes its transaction as the contract says and produces the mapped outbound event, a
 * duplicate changes nothing, and a part of the bad-input corpus is refused with its 4xx.
 */
@ExtendWith(SharedServer.class)
class InboundNotificationsIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String WALLEY_USER = "walley-it";
    static final String WALLEY_PASSWORD = "walley-it-password";
    static final String WALLEY_HMAC = "walley-it-hmac";
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


    @BeforeAll
    static void client() {
        // HTTP/1.1 as providers send webhooks; one h2c connection shared by hostile requests would carry one's damage into the next
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Answer(int status, String body) {
        JsonObject object() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    String base() {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort() + deploymentUrl.getPath();
        return base.endsWith("/") ? base : base + "/";
    }

    Answer manage(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "api/v1/" + path)).timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + KEY)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    Answer notify(String provider, String endpointKey, Map<String, String> headers, byte[] body) throws Exception {
        return notifyOver(provider, endpointKey, headers, body).answer();
    }

    /** The answer with its {@code X-Correlation-Id}. */
    record Answered(Answer answer, String correlationId) { }

    Answered notifyOver(String provider, String endpointKey, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "api/notifications/" + provider + "/" + endpointKey))
            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answered(new Answer(response.statusCode(), response.body()),
            response.headers().firstValue("X-Correlation-Id").orElse(null));
    }

    /** A channel with Walley (Basic auth, signature as given) and Annanow (URL key); returns the endpoint keys. */
    Map<String, String> channel(String slug, boolean walleySignature) throws Exception {
        assertEquals(201, manage("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"IT\", \"currency\": \"SEK\", "
            + "\"country\": \"SE\"}").status());
        Answer walley = manage("PUT", "channels/" + slug + "/providers/walley", """
            {"clientId": "it-client", "clientSecret": "it-client-secret", "scope": "705798e0-8cef-427c-ae00-6023deba29af/.default",
             "authBaseUrl": "https://api.uat.walleydev.com", "apiBaseUrl": "https://api.uat.walleydev.com",
             "webhookUsername": "%s", "webhookPassword": "%s", "webhookHmacKey": "%s", "verifySignature": %s}"""
            .formatted(WALLEY_USER, WALLEY_PASSWORD, WALLEY_HMAC, walleySignature));
        assertEquals(200, walley.status(), walley.body());
        Answer annanow = manage("PUT", "channels/" + slug + "/providers/annanow",
            "{\"instance\": \"it\", \"apiSecret\": \"it-annanow-secret\", \"authMode\": \"URL_KEY\", \"confirmByRefetch\": false}");
        assertEquals(200, annanow.status(), annanow.body());
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("walley", lastSegment(walley.object().getString("notificationUrl")));
        keys.put("annanow", lastSegment(annanow.object().getString("notificationUrl")));
        JsonObject urls = manage("GET", "channels/" + slug, null).object().getJsonObject("notificationUrls");
        assertEquals(walley.object().getString("notificationUrl"), urls.getString("walley"), "the channel view shows the URLs too");
        assertEquals(annanow.object().getString("notificationUrl"), urls.getString("annanow"));
        return keys;
    }

    static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static Map<String, String> walleyHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (WALLEY_USER + ":" + WALLEY_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    static String orderCreated(String orderId, String reference, String status) {
        return """
            {"Type": "walley:order:created", "Timestamp": "2024-01-30T11:02:42.5997621+01:00",
             "Payload": {"OrderId": "%s", "Reference": "%s", "Amount": 30, "Currency": "SEK", "Status": "%s",
                         "AuthorizationId": "auth-%s", "CustomerToken": "0a96"}}""".formatted(orderId, reference, status, orderId);
    }

    static String attempt(String type, String orderId, String reference, int attempt, String reason) {
        return """
            {"type": "%s", "payload": {"customerToken": "0a96", "authorizationId": "auth-%s", "reference": "%s",
             "actionReference": "a", "createdOn": "2024-01-30T11:02:40+01:00", "currentAttempt": %d, "maxAttempt": 3,
             "reason": "%s"}}""".formatted(type, orderId, reference, attempt, reason);
    }

    static final String DB_URL = System.getProperty("payhooks.it.db.url", "");

    /**
     * Waits until the worker has applied every stored notification (none is RECEIVED any more):
     * the hub acknowledges a notification once it is stored and applies it moments later, so
     * every reading of what notifications changed waits for this first.
     */
    static void awaitInboxApplied() throws Exception {
        try (Connection database = DB_URL.startsWith("jdbc:h2:") ? DriverManager.getConnection(DB_URL, "sa", "")
                 : DriverManager.getConnection(DB_URL);
             PreparedStatement waiting = database.prepareStatement(
                 "select count(*) from inbound_notification where status = 'RECEIVED'")) {
            long left = Eventually.poll(Duration.ofSeconds(30), () -> {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    return count.getLong(1);
                }
            }, n -> n == 0);
            assertEquals(0, left, "stored notifications the worker has not applied within 30 s");
        }
    }

    /** The channel's transaction with this merchant reference, in full. */
    JsonObject transaction(String slug, String provider, String merchantReference) throws Exception {
        awaitInboxApplied();
        JsonArray items = manage("GET", "transactions?channel=" + slug + "&provider=" + provider + "&limit=200", null)
            .object().getJsonArray("items");
        for (JsonValue item : items) {
            if (item.asJsonObject().getString("merchantReference").equals(merchantReference)) {
                return manage("GET", "transactions/" + item.asJsonObject().getString("id"), null).object();
            }
        }
        throw new AssertionError("no " + provider + " transaction " + merchantReference + " in channel " + slug);
    }

    int transactionCount(String slug) throws Exception {
        awaitInboxApplied();
        return manage("GET", "transactions?channel=" + slug + "&limit=200", null).object().getJsonArray("items").size();
    }

    /** Outbound event types caused by a transaction, in order. */
    List<String> eventTypes(JsonObject transaction) throws Exception {
        return events(transaction, event -> event.getString("event_type"));
    }

    /** What {@code read} takes from an outbound event of the list. */
    interface EventRead<T> {
        T read(JsonObject listedEvent) throws Exception;
    }

    /** {@code read} of each outbound event a transaction caused, in order. */
    <T> List<T> events(JsonObject transaction, EventRead<T> read) throws Exception {
        awaitInboxApplied();
        String source = "transaction:" + transaction.getString("id") + ":";
        List<Map.Entry<String, T>> found = new ArrayList<>();
        for (JsonValue item : manage("GET", "events?limit=200", null).object().getJsonArray("items")) {
            JsonObject event = item.asJsonObject();
            if (event.getString("source", "").startsWith(source)) {
                found.add(Map.entry(event.getString("source"), read.read(event)));
            }
        }
        found.sort(Map.Entry.comparingByKey((a, b) -> Integer.compare(sequence(a), sequence(b))));
        return found.stream().map(Map.Entry::getValue).toList();
    }

    static int sequence(String source) {
        return Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
    }

    int eventCount() throws Exception {
        awaitInboxApplied();
        return manage("GET", "events?limit=200", null).object().getJsonArray("items").size();
    }

    void assertDuplicateChangesNothing(String provider, String key, Map<String, String> headers, String body,
                                       String slug, String reference) throws Exception {
        JsonObject before = transaction(slug, provider, reference);
        int events = eventCount();
        Answer again = notify(provider, key, headers, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again.body());
        assertEquals("duplicate", again.object().getString("status"));
        assertEquals(before, transaction(slug, provider, reference));
        assertEquals(events, eventCount());
    }

    @Test
    void everyWalleyEventChangesItsTransactionOnceAndPublishesItsEvent() throws Exception {
        String slug = "walley-" + UUID.randomUUID().toString().substring(0, 8);
        String key = channel(slug, false).get("walley");
        Map<String, String> headers = walleyHeaders();

        String[][] orders = {
            {"Authorized", "AUTHORIZED", "transaction.authorization.success"},
            {"Captured", "CHARGED", "transaction.sale.success"},
            {"RequiresSigning", "AUTHORIZATION_ACTION_REQUIRED", "transaction.action_required"},
            {"RequiresIdentityCheck", "AUTHORIZATION_ACTION_REQUIRED", "transaction.action_required"},
            {"OnHold", "AUTHORIZATION_REQUESTED", "transaction.pending"}};
        for (String[] order : orders) {
            String reference = "ref-" + order[0];
            String body = orderCreated("order-" + order[0], reference, order[0]);
            Answer answer = notify("walley", key, headers, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.status(), answer.body());
            JsonObject transaction = transaction(slug, "walley", reference);
            assertEquals(order[1], transaction.getString("status"), order[0]);
            assertEquals("order-" + order[0], transaction.getString("providerReference"));
            assertEquals(List.of(order[2]), eventTypes(transaction), order[0]);
            assertDuplicateChangesNothing("walley", key, headers, body, slug, reference);
        }

        String[] retryingReasons = {"SERVICE_UNAVAILABLE", "PAYMENT_METHOD_NO_FUNDS", "PAYMENT_METHOD_DECLINED"};
        for (int i = 0; i < retryingReasons.length; i++) {
            String body = attempt("walley:authorization:retrying", "order-OnHold", "ref-OnHold", i + 1, retryingReasons[i]);
            assertEquals(200, notify("walley", key, headers, body.getBytes(StandardCharsets.UTF_8)).status());
            assertDuplicateChangesNothing("walley", key, headers, body, slug, "ref-OnHold");
        }
        JsonObject retrying = transaction(slug, "walley", "ref-OnHold");
        assertEquals("AUTHORIZATION_REQUESTED", retrying.getString("status"));
        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying", "transaction.authorization.retrying",
            "transaction.authorization.retrying"), eventTypes(retrying));

        for (String reason : new String[] {"PAYMENT_METHOD_EXPIRED", "PAYMENT_METHOD_REFUSED", "CANCELLED_BY_CUSTOMER"}) {
            String reference = "ref-failed-" + reason;
            String onHold = orderCreated("order-" + reason, reference, "OnHold");
            assertEquals(200, notify("walley", key, headers, onHold.getBytes(StandardCharsets.UTF_8)).status());
            String failed = attempt("walley:authorization:failed", "order-" + reason, reference, 3, reason);
            assertEquals(200, notify("walley", key, headers, failed.getBytes(StandardCharsets.UTF_8)).status());
            JsonObject transaction = transaction(slug, "walley", reference);
            assertEquals("FAILED", transaction.getString("status"), reason);
            assertTrue(transaction.getJsonArray("events").getJsonObject(1).getString("message", "").contains(reason));
            assertEquals(List.of("transaction.pending", "transaction.authorization.failed"), eventTypes(transaction));
            assertDuplicateChangesNothing("walley", key, headers, failed, slug, reference);
        }

        // no Basic credentials: 401 and nothing applied
        int before = transactionCount(slug);
        Map<String, String> anonymous = new LinkedHashMap<>(headers);
        anonymous.remove("Authorization");
        Answer refused = notify("walley", key, anonymous, orderCreated("order-x", "ref-x", "Authorized").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, refused.status());
        assertEquals("unauthorized", refused.object().getString("error"));
        assertEquals(before, transactionCount(slug));
    }

    /**
     * One id follows a notification through the hub: the request's X-Correlation-Id is echoed,
     * stored with the notification, recorded on the event applying it published, sent as
     * Payhooks-Correlation-Id with every delivery attempt (a retry and a replay included) and shown
     * by the event API on the event and on each attempt. An id that is no sane token is replaced.
     */
    @Test
    void oneCorrelationIdFollowsANotificationToItsEventAndEveryDeliveryAttempt() throws Exception {
        String correlation = "it-" + UUID.randomUUID();
        java.util.Queue<Map<String, String>> arrived = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/trace", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            exchange.getRequestBody().readAllBytes();
            arrived.add(headers);
            exchange.sendResponseHeaders(answers.getAndIncrement() == 0 ? 500 : 204, -1); // the first attempt fails: a retry follows
            exchange.close();
        });
        receiver.start();
        String webhookId = null;
        try {
            String slug = "trace-" + UUID.randomUUID().toString().substring(0, 8);
            String key = channel(slug, false).get("walley");
            assertEquals(200, manage("GET", "signature-key", null).status());
            Answer webhook = manage("POST", "webhooks", "{\"label\": \"Trace\", \"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/trace\", \"events\": [\"transaction.authorization.success\"], "
                + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"SIGNATURE_KEY\"}}");
            assertEquals(201, webhook.status(), webhook.body());
            webhookId = webhook.object().getString("id");

            Map<String, String> headers = walleyHeaders();
            headers.put("X-Correlation-Id", correlation);
            Answered stored = notifyOver("walley", key, headers,
                orderCreated("order-trace", "ref-trace", "Authorized").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, stored.answer().status(), stored.answer().body());
            assertEquals(correlation, stored.correlationId(), "the caller's id is echoed");

            List<Map<String, String>> twoAttempts = Eventually.poll(Duration.ofSeconds(30), () -> List.copyOf(arrived),
                all -> all.size() >= 2);
            assertEquals(2, twoAttempts.size(), "a failed attempt and its retry reached the receiver");
            for (Map<String, String> attempt : twoAttempts) {
                assertEquals(correlation, attempt.get("payhooks-correlation-id"), attempt.toString());
                assertTrue(attempt.containsKey("webhook-signature"), "signed as before: " + attempt);
            }

            JsonObject event = null;
            for (JsonValue item : manage("GET", "events?limit=200", null).object().getJsonArray("items")) {
                if (correlation.equals(item.asJsonObject().getString("correlation_id", null))) {
                    assertEquals(null, event, "one event carries the id");
                    event = item.asJsonObject();
                }
            }
            assertTrue(event != null, "the event API shows the id");
            assertEquals("transaction.authorization.success", event.getString("event_type"));
            String eventId = event.getString("event_id");
            assertEquals(202, manage("POST", "events/" + eventId + "/replay?deliveries=all", null).status());
            assertEquals(3, Eventually.poll(Duration.ofSeconds(30), arrived::size, n -> n >= 3), "the replay arrived");
            assertEquals(correlation, List.copyOf(arrived).get(2).get("payhooks-correlation-id"), "a replay keeps the event's id");

            JsonObject detail = manage("GET", "events/" + eventId, null).object();
            assertEquals(correlation, detail.getString("correlation_id"));
            JsonArray attempts = Eventually.poll(Duration.ofSeconds(30), () -> manage("GET", "events/" + eventId, null).object()
                .getJsonArray("deliveries").getJsonObject(0).getJsonArray("attempt_log"), log -> log.size() >= 3);
            assertEquals(3, attempts.size(), attempts.toString());
            for (JsonValue attempt : attempts) {
                assertEquals(correlation, attempt.asJsonObject().getString("correlation_id"), attempt.toString());
            }

            Map<String, String> insane = walleyHeaders();
            insane.put("X-Correlation-Id", "not a token!" + correlation);
            Answered replaced = notifyOver("walley", key, insane,
                orderCreated("order-trace-2", "ref-trace-2", "OnHold").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, replaced.answer().status());
            assertTrue(replaced.correlationId() != null && replaced.correlationId().matches("[A-Za-z0-9._:-]{1,64}")
                && !replaced.correlationId().contains(correlation), "a fresh id instead: " + replaced.correlationId());
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base() + "api/v1/events?limit=1"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(api.headers().firstValue("X-Correlation-Id").isPresent(), "every API answer has one");
        } finally {
            if (webhookId != null) {
                manage("DELETE", "webhooks/" + webhookId, null);
            }
            receiver.stop(0);
        }
    }

    @Test
    void walleyReasonsAreDataOfTheTransactionItsEventsAndTheOutboundObject() throws Exception {
        String slug = "walley-reason-" + UUID.randomUUID().toString().substring(0, 8);
        String key = channel(slug, false).get("walley");
        Map<String, String> headers = walleyHeaders();
        assertEquals(200, notify("walley", key, headers,
            orderCreated("order-reason", "ref-reason", "OnHold").getBytes(StandardCharsets.UTF_8)).status());

        // the simulation spelling of a known reason, a reason Walley does not document (no effect), then a known failure
        String noFunds = attempt("walley:authorization:retrying", "order-reason", "ref-reason", 1, "NoFunds");
        assertEquals(200, notify("walley", key, headers, noFunds.getBytes(StandardCharsets.UTF_8)).status());
        JsonObject retrying = transaction(slug, "walley", "ref-reason");
        int events = eventCount();
        String unknown = attempt("walley:authorization:retrying", "order-reason", "ref-reason", 2, "SOLAR_FLARE");
        Answer ignored = notify("walley", key, headers, unknown.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ignored.status(), ignored.body());
        assertEquals(retrying, transaction(slug, "walley", "ref-reason"));
        assertEquals(events, eventCount());
        String refused = attempt("walley:authorization:failed", "order-reason", "ref-reason", 3, "Refused");
        Answer failed = notify("walley", key, headers, refused.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, failed.status(), failed.body());

        JsonObject transaction = transaction(slug, "walley", "ref-reason");
        assertEquals("FAILED", transaction.getString("status"));
        JsonObject refusedReason = Json.createObjectBuilder().add("code", "PAYMENT_METHOD_REFUSED")
            .add("description", "The payment method was refused").build();
        assertEquals(refusedReason, transaction.getJsonObject("reason"));
        JsonArray transactionEvents = transaction.getJsonArray("events");
        assertTrue(transactionEvents.getJsonObject(0).getJsonObject("reason") == null, transactionEvents.toString());
        JsonObject noFundsReason = Json.createObjectBuilder().add("code", "PAYMENT_METHOD_NO_FUNDS")
            .add("description", "The payment method has insufficient funds").build();
        assertEquals(noFundsReason, transactionEvents.getJsonObject(1).getJsonObject("reason"));
        assertEquals(refusedReason, transactionEvents.getJsonObject(2).getJsonObject("reason"));

        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying", "transaction.authorization.failed"),
            eventTypes(transaction));
        assertEquals(noFundsReason, outboundObject(transaction, 2).getJsonObject("reason"));
        assertEquals(refusedReason, outboundObject(transaction, 3).getJsonObject("reason"));
        assertTrue(outboundObject(transaction, 1).getJsonObject("reason") == null);
        assertDuplicateChangesNothing("walley", key, headers, refused, slug, "ref-reason");
    }

    /** The {@code event_body.object} of the outbound event a transaction's event caused. */
    JsonObject outboundObject(JsonObject transaction, int sequence) throws Exception {
        String source = "transaction:" + transaction.getString("id") + ":" + sequence;
        for (JsonValue item : manage("GET", "events?limit=200", null).object().getJsonArray("items")) {
            if (item.asJsonObject().getString("source", "").equals(source)) {
                return manage("GET", "events/" + item.asJsonObject().getString("event_id"), null).object()
                    .getJsonObject("payload").getJsonObject("event_body").getJsonObject("object");
            }
        }
        throw new AssertionError("no outbound event from " + source);
    }

    @Test
    void walleySignaturesAreCheckedWhenTheChannelAsksForThem() throws Exception {
        String slug = "walley-sig-" + UUID.randomUUID().toString().substring(0, 8);
        String key = channel(slug, true).get("walley");
        byte[] body = orderCreated("order-signed", "ref-signed", "Authorized").getBytes(StandardCharsets.UTF_8);
        String now = String.valueOf(System.currentTimeMillis() / 1000);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WALLEY_HMAC.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((now + ".").getBytes(StandardCharsets.US_ASCII));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal(body));

        Map<String, String> forged = walleyHeaders();
        forged.put("Walley-Timestamp", now);
        forged.put("Walley-Signature", "0".repeat(64));
        assertEquals(401, notify("walley", key, forged, body).status());
        assertEquals(0, transactionCount(slug));

        Map<String, String> signed = walleyHeaders();
        signed.put("Walley-Timestamp", now);
        signed.put("Walley-Signature", signature);
        assertEquals(200, notify("walley", key, signed, body).status());
        assertEquals("AUTHORIZED", transaction(slug, "walley", "ref-signed").getString("status"));
    }

    static String annanowJson(long id, String status, long amount, String reference, Long refunded) {
        return """
            {"transaction": {"id": %d, "status": "%s", "amount": %d, "referenceId": "%s", "time": "2024-05-01T10:00:00+02:00",
              "invoice": {"currency": "CHF", "paymentRequestId": 9%s}}}""".formatted(id, status, amount, reference,
            refunded == null ? "" : ", \"refundedAmount\": " + refunded);
    }

    static String annanowForm(long id, String status, long amount, String reference, Long refunded) {
        return "transaction[id]=" + id + "&transaction[status]=" + status.replace(" ", "+") + "&transaction[amount]=" + amount
            + "&transaction[referenceId]=" + reference + "&transaction[invoice][currency]=CHF"
            + (refunded == null ? "" : "&transaction[invoice][refundedAmount]=" + refunded);
    }

    @Test
    void everyAnnanowStatusChangesItsTransactionOnceAndPublishesItsEvent() throws Exception {
        String slug = "annanow-" + UUID.randomUUID().toString().substring(0, 8);
        String key = channel(slug, false).get("annanow");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");

        // one payment through its life, alternating the two encodings
        Object[][] life = {
            {json, annanowJson(100, "waiting", 5000, "order-life", null), "CHARGE_REQUESTED"},
            {form, annanowForm(100, "confirmed", 5000, "order-life", null), "CHARGED"},
            {json, annanowJson(100, "refund_pending", 5000, "order-life", 1000L), "CHARGED"},
            {form, annanowForm(100, "Partially refunded", 5000, "order-life", 1000L), "PARTIALLY_REFUNDED"},
            {json, annanowJson(100, "partially-refunded", 5000, "order-life", 2000L), "PARTIALLY_REFUNDED"},
            {form, annanowForm(100, "refunded", 5000, "order-life", 5000L), "REFUNDED"},
            {json, annanowJson(100, "chargeback dispute", 5000, "order-life", null), "CHARGED_BACK"}};
        for (Object[] step : life) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) step[0];
            Answer answer = notify("annanow", key, headers, ((String) step[1]).getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.status(), answer.body());
            assertEquals(step[2], transaction(slug, "annanow", "order-life").getString("status"), (String) step[1]);
            assertDuplicateChangesNothing("annanow", key, headers, (String) step[1], slug, "order-life");
        }
        JsonObject life1 = transaction(slug, "annanow", "order-life");
        assertEquals("50.00", life1.getJsonObject("amounts").getString("charged"));
        assertEquals("50.00", life1.getJsonObject("amounts").getString("refunded"));
        assertEquals(List.of("transaction.pending", "transaction.sale.success", "transaction.refund.pending",
            "transaction.refund.success", "transaction.refund.success", "transaction.refund.success", "transaction.chargeback"),
            eventTypes(life1));

        Object[][] single = {
            {"authorized", "AUTHORIZED", "transaction.authorization.success"},
            {"reserved", "AUTHORIZED", "transaction.authorization.success"},
            {"uncaptured", "AUTHORIZED", "transaction.authorization.success"},
            {"declined", "FAILED", "transaction.sale.failure"},
            {"cancelled", "FAILED", "transaction.sale.failure"},
            {"error", "FAILED", "transaction.sale.failure"},
            {"Technical error", "FAILED", "transaction.sale.failure"}};
        long id = 200;
        for (Object[] status : single) {
            String reference = "order-" + id;
            String body = annanowForm(id++, (String) status[0], 1234, reference, null);
            assertEquals(200, notify("annanow", key, form, body.getBytes(StandardCharsets.UTF_8)).status());
            JsonObject transaction = transaction(slug, "annanow", reference);
            assertEquals(status[1], transaction.getString("status"), (String) status[0]);
            assertEquals(List.of(status[2]), eventTypes(transaction), (String) status[0]);
            assertDuplicateChangesNothing("annanow", key, form, body, slug, reference);
        }

        // a reservation cancelled later is voided
        notify("annanow", key, json, annanowJson(300, "reserved", 700, "order-void", null).getBytes(StandardCharsets.UTF_8));
        notify("annanow", key, json, annanowJson(300, "cancelled", 700, "order-void", null).getBytes(StandardCharsets.UTF_8));
        JsonObject voided = transaction(slug, "annanow", "order-void");
        assertEquals("CANCELLED", voided.getString("status"));
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.voided"), eventTypes(voided));

        // subscriptions become their events; a resend is a duplicate
        int events = eventCount();
        String[][] subscriptions = {{"active", "subscription.payment.success"}, {"failed", "subscription.payment.failure"},
            {"overdue", "subscription.payment.failure"}, {"in_notice", "subscription.notice_given"},
            {"cancelled", "subscription.cancelled"}};
        for (String[] subscription : subscriptions) {
            String body = "{\"subscription\": {\"id\": 77, \"status\": \"" + subscription[0] + "\", \"valid_until\": \"2025-01-01\"}}";
            assertEquals(200, notify("annanow", key, json, body.getBytes(StandardCharsets.UTF_8)).status());
            awaitInboxApplied();
            JsonObject newest = manage("GET", "events?limit=1", null).object().getJsonArray("items").getJsonObject(0);
            assertEquals(subscription[1], newest.getString("event_type"));
            assertEquals("duplicate", notify("annanow", key, json, body.getBytes(StandardCharsets.UTF_8)).object().getString("status"));
        }
        assertEquals(events + subscriptions.length, eventCount());
    }

    @Test
    void anAnnanowCaptureNamingItsPreAuthorizationCompletesTheAuthorizedPayment() throws Exception {
        String slug = "annanow-preauth-" + UUID.randomUUID().toString().substring(0, 8);
        String key = channel(slug, false).get("annanow");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        // the authorization tells the card, the products and the contact
        String authorized = annanowJson(500, "authorized", 4200, "order-preauth", null).replace("\"invoice\": {",
            "\"payment\": {\"brand\": \"VISA\", \"cardNumber\": \"424242******4242\", \"expiry\": \"27-08\"},"
                + " \"contact\": {\"id\": 3, \"firstname\": \"Anna\", \"email\": \"anna@example.test\"},"
                + " \"invoice\": {\"products\": [{\"name\": \"Tea\", \"price\": 2100, \"quantity\": 2, \"sku\": \"tea-1\","
                + " \"vatRate\": 8.1}], ");
        assertEquals(200, notify("annanow", key, json, authorized.getBytes(StandardCharsets.UTF_8)).status());

        // the capture is a transaction of its own, without the order's reference, sent as a form;
        // its card number is not masked, so it is never kept
        String capture = "transaction[id]=501&transaction[status]=confirmed&transaction[amount]=4200"
            + "&transaction[preAuthorizationId]=500&transaction[invoice][currency]=CHF"
            + "&transaction[payment][brand]=VISA&transaction[payment][cardNumber]=4111111111111111";
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        Answer captured = notify("annanow", key, form, capture.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, captured.status(), captured.body());

        assertEquals(1, transactionCount(slug), "no second payment for the capture");
        JsonObject payment = transaction(slug, "annanow", "order-preauth");
        assertEquals("CHARGED", payment.getString("status"));
        assertEquals("42.00", payment.getJsonObject("amounts").getString("charged"));
        assertEquals("501", payment.getJsonArray("events").getJsonObject(1).getString("providerReference"));
        assertEquals(List.of("transaction.authorization.success", "transaction.sale.captured"), eventTypes(payment));
        assertDuplicateChangesNothing("annanow", key, form, capture, slug, "order-preauth");

        // the detail and both outbound events carry the card brand, its masked number and the products
        assertEquals("VISA", payment.getJsonObject("paymentMethod").getString("brand"));
        assertEquals("424242******4242", payment.getJsonObject("paymentMethod").getString("maskedNumber"),
            "the capture's unmasked number did not replace the masked one");
        assertEquals("27-08", payment.getJsonObject("paymentMethod").getString("expiry"));
        JsonObject tea = payment.getJsonArray("lineItems").getJsonObject(0);
        assertEquals(List.of("Tea", "tea-1", "21.00", "8.1"),
            List.of(tea.getString("name"), tea.getString("sku"), tea.getString("price"), tea.getString("vatRate")));
        assertEquals(2, tea.getInt("quantity"));
        assertEquals("Anna", payment.getJsonObject("contact").getString("firstname"), "an API key sees the contact");
        assertTrue(!payment.getJsonObject("contact").containsKey("id"), payment.toString());
        List<JsonObject> objects = eventObjects(payment);
        assertEquals(2, objects.size());
        for (JsonObject object : objects) {
            assertEquals("VISA", object.getJsonObject("payment_method").getString("brand"), object.toString());
            assertEquals("424242******4242", object.getJsonObject("payment_method").getString("masked_number"));
            assertEquals("Tea", object.getJsonArray("line_items").getJsonObject(0).getString("name"));
            assertEquals("21.00", object.getJsonArray("line_items").getJsonObject(0).getString("price"));
            assertEquals("anna@example.test", object.getJsonObject("contact").getString("email"));
            assertTrue(!object.toString().contains("4111111111111111"), object.toString());
        }
        assertTrue(!payment.toString().contains("4111111111111111"), payment.toString());
    }

    /** The {@code object} of each outbound event a transaction caused, in order. */
    List<JsonObject> eventObjects(JsonObject transaction) throws Exception {
        return events(transaction, event -> manage("GET", "events/" + event.getString("event_id"), null).object()
            .getJsonObject("payload").getJsonObject("event_body").getJsonObject("object"));
    }

    Answer post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * The sandbox Walley end to end: a checkout sends order:created, and the management API's
     * failure simulation goes through the Walley client (OAuth token, PUT customer token) to the
     * sandbox, which sends the matching retrying / failed webhook back to the hub.
     */
    @Test
    void theWalleyFailureSimulationReachesTheSandboxWhichNotifiesTheHub() throws Exception {
        String slug = "walley-sbx-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, manage("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Sandbox\", \"currency\": \"SEK\", "
            + "\"country\": \"SE\"}").status());
        String sandbox = base() + "sandbox/walley";
        Answer configured = manage("PUT", "channels/" + slug + "/providers/walley", """
            {"clientId": "sbx-client", "clientSecret": "sbx-secret", "scope": "705798e0-8cef-427c-ae00-6023deba29af/.default",
             "authBaseUrl": "%s", "apiBaseUrl": "%s", "webhookUsername": "sbx-user", "webhookPassword": "sbx-password-1",
             "webhookHmacKey": "sbx-hmac", "verifySignature": true}""".formatted(sandbox, sandbox));
        assertEquals(200, configured.status(), configured.body());
        String key = lastSegment(configured.object().getString("notificationUrl"));

        Answer checkout = post("sandbox/walley/checkouts",
            "{\"endpointKey\": \"" + key + "\", \"reference\": \"sbx-order\", \"amount\": 30, \"currency\": \"SEK\"}");
        assertEquals(200, checkout.status(), checkout.body());
        assertEquals(200, checkout.object().getInt("hubStatus"));
        String customerToken = checkout.object().getString("customerToken");
        assertEquals("AUTHORIZATION_REQUESTED", transaction(slug, "walley", "sbx-order").getString("status"));

        Answer retrying = manage("POST", "channels/" + slug + "/walley/customer-token-failures",
            "{\"customerToken\": \"" + customerToken + "\", \"reason\": \"NoFunds\"}");
        assertEquals(200, retrying.status(), retrying.body());
        assertEquals("NoFunds", retrying.object().getString("reason"));
        JsonObject afterRetrying = transaction(slug, "walley", "sbx-order");
        assertEquals("AUTHORIZATION_REQUESTED", afterRetrying.getString("status"));
        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying"), eventTypes(afterRetrying));

        Answer cleared = manage("POST", "channels/" + slug + "/walley/customer-token-failures",
            "{\"customerToken\": \"" + customerToken + "\", \"reason\": null}");
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(afterRetrying, transaction(slug, "walley", "sbx-order"));

        Answer failed = manage("POST", "channels/" + slug + "/walley/customer-token-failures",
            "{\"customerToken\": \"" + customerToken + "\", \"reason\": \"PAYMENT_METHOD_EXPIRED\"}");
        assertEquals(200, failed.status(), failed.body());
        JsonObject afterFailed = transaction(slug, "walley", "sbx-order");
        assertEquals("FAILED", afterFailed.getString("status"));
        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying", "transaction.authorization.failed"),
            eventTypes(afterFailed));

        Answer unknown = manage("POST", "channels/" + slug + "/walley/customer-token-failures",
            "{\"customerToken\": \"no-such-token\", \"reason\": \"Declined\"}");
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.object().getString("message").contains("no-such-token"));
        Answer badReason = manage("POST", "channels/" + slug + "/walley/customer-token-failures",
            "{\"customerToken\": \"" + customerToken + "\", \"reason\": \"Teleported\"}");
        assertEquals(400, badReason.status(), badReason.body());

        // 401 once: the hub fetches a fresh bearer token and retries; twice: it reports the credentials
        String clear = "{\"customerToken\": \"" + customerToken + "\", \"reason\": null}";
        String faults = "sandbox/walley/customer-tokens/" + customerToken + "/faults";
        assertEquals(200, post(faults, "{\"status\": 401, \"times\": 1}").status());
        assertEquals(200, manage("POST", "channels/" + slug + "/walley/customer-token-failures", clear).status());
        assertEquals(200, post(faults, "{\"status\": 401, \"times\": 2}").status());
        Answer unauthorized = manage("POST", "channels/" + slug + "/walley/customer-token-failures", clear);
        assertEquals(502, unauthorized.status(), unauthorized.body());
        assertEquals("bad_gateway", unauthorized.object().getString("error"));
        assertTrue(unauthorized.object().getString("message").contains("refused the bearer token"), unauthorized.body());
        // 503 twice: retried with backoff and accepted; three times: reported as unavailable
        assertEquals(200, post(faults, "{\"status\": 503, \"times\": 2}").status());
        assertEquals(200, manage("POST", "channels/" + slug + "/walley/customer-token-failures", clear).status());
        assertEquals(200, post(faults, "{\"status\": 503, \"times\": 3}").status());
        Answer unavailable = manage("POST", "channels/" + slug + "/walley/customer-token-failures", clear);
        assertEquals(502, unavailable.status(), unavailable.body());
        assertTrue(unavailable.object().getString("message").contains("unavailable (503) after 3 attempts"), unavailable.body());
        assertEquals(400, post(faults, "{\"status\": 500, \"times\": 1}").status());
        assertEquals(404, post("sandbox/walley/customer-tokens/no-such-token/faults", "{\"status\": 503, \"times\": 1}").status());
        assertEquals(afterFailed, transaction(slug, "walley", "sbx-order"), "no simulation changed the payment");
    }

    /** The sandbox Annanow sends notifications in both encodings and answers the re-fetch that confirms them. */
    @Test
    void theAnnanowSandboxNotifiesTheHubAndConfirmsByRefetch() throws Exception {
        String slug = "annanow-sbx-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, manage("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Sandbox\", \"currency\": \"CHF\", "
            + "\"country\": \"CH\"}").status());
        Answer configured = manage("PUT", "channels/" + slug + "/providers/annanow", "{\"instance\": \"sbx\", \"apiSecret\": \"sbx-secret\", "
            + "\"apiBaseUrl\": \"" + base() + "sandbox/annanow\", \"authMode\": \"URL_KEY\", \"confirmByRefetch\": true}");
        assertEquals(200, configured.status(), configured.body());
        String key = lastSegment(configured.object().getString("notificationUrl"));

        Answer waiting = post("sandbox/annanow/notifications", "{\"endpointKey\": \"" + key + "\", \"encoding\": \"form\", "
            + "\"transaction\": {\"id\": 900, \"status\": \"waiting\", \"amount\": 2500, \"referenceId\": \"sbx-1\", "
            + "\"invoice\": {\"currency\": \"CHF\", \"products\": [{\"name\": \"Tee\", \"quantity\": 1}]}}}");
        assertEquals(200, waiting.status(), waiting.body());
        assertEquals("CHARGE_REQUESTED", transaction(slug, "annanow", "sbx-1").getString("status"));
        Answer confirmed = post("sandbox/annanow/notifications", "{\"endpointKey\": \"" + key + "\", \"encoding\": \"json\", "
            + "\"transaction\": {\"id\": 900, \"status\": \"confirmed\", \"amount\": 2500, \"referenceId\": \"sbx-1\", "
            + "\"invoice\": {\"currency\": \"CHF\"}}}");
        assertEquals(200, confirmed.status(), confirmed.body());
        JsonObject paid = transaction(slug, "annanow", "sbx-1");
        assertEquals("CHARGED", paid.getString("status"));

        // a forged notification straight to the hub: the sandbox API says "confirmed", not "refunded"
        String forged = annanowJson(900, "refunded", 2500, "sbx-1", 2500L);
        assertEquals(200, notify("annanow", key, Map.of("Content-Type", "application/json"),
            forged.getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(paid, transaction(slug, "annanow", "sbx-1"));
        assertEquals(List.of("transaction.pending", "transaction.sale.success"), eventTypes(paid));
    }

    /** A part of the bad-input corpus over real HTTP: each gets its status, none a 5xx, no transaction changes. */
    @Test
    void badInputFromTheCorpusIsRefusedOverHttp() throws Exception {
        String slug = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> keys = channel(slug, false);
        String signedSlug = "corpus-sig-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> signedKeys = channel(signedSlug, true);
        int transactionsBefore = transactionCount(slug) + transactionCount(signedSlug);
        int eventsBefore = eventCount();

        Path corpus = Paths.get(System.getProperty("user.dir"), "..", "adapters", "src", "test", "resources", "bad-input");
        List<Path> files;
        try (Stream<Path> all = Files.walk(corpus)) {
            files = all.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
        assertTrue(files.size() >= 150, "corpus has " + files.size() + " cases");
        int run = 0;
        for (int i = 0; i < files.size(); i += 3) { // every third case: about a third of the corpus
            CorpusCase c = CorpusCase.read(files.get(i));
            Map<String, String> endpointKeys = c.walleySignature() ? signedKeys : keys;
            String endpoint = switch (c.endpoint()) {
                case "valid" -> endpointKeys.getOrDefault(c.provider(), "no-such-provider-key");
                case "unknown" -> "unknownendpointkey000000000000000";
                case "other-provider" -> endpointKeys.get(c.provider().equals("walley") ? "annanow" : "walley");
                default -> c.endpoint();
            };
            Answer answer;
            try {
                answer = notify(c.provider(), endpoint, c.headers(WALLEY_USER, WALLEY_PASSWORD, WALLEY_HMAC), c.body());
            } catch (java.io.IOException e) {
                throw new AssertionError(files.get(i).getFileName() + ": " + e, e);
            }
            assertEquals(c.expectedStatus(), answer.status(), files.get(i).getFileName() + ": " + answer.body());
            assertTrue(answer.status() < 500, files.get(i).getFileName().toString());
            if (answer.status() >= 400) {
                assertTrue(answer.object().containsKey("error"), answer.body());
            }
            run++;
        }
        assertTrue(run >= 50, "ran " + run);
        assertEquals(transactionsBefore, transactionCount(slug) + transactionCount(signedSlug));
        assertEquals(eventsBefore, eventCount());
    }
}
