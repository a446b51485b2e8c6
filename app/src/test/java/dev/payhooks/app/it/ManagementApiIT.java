package dev.payhooks.app.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management API over HTTP on Payara Micro: API-key authentication, channel and provider
 * configuration with secrets masked (and sealed in the database), and a sweep of bad requests
 * that must each get a 4xx JSON error and change nothing.
 */
@ExtendWith(SharedServer.class)
class ManagementApiIT {

    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final String DB_URL = System.getProperty("payhooks.it.db.url", "");
    static HttpClient http;

    @SharedServer.Url
    URL deploymentUrl;


    /** What a webhook receiver on loopback got: headers (lower-case names) and body. */
    record Received(String path, java.util.Map<String, String> headers, String body) { }

    static com.sun.net.httpserver.HttpServer receiver;
    static final java.util.concurrent.BlockingQueue<Received> received = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Statuses the receiver answers /hook with, in turn; 200 once they run out. */
    static final java.util.Queue<Integer> hookAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    static void client() throws Exception {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            java.util.Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            Integer status = exchange.getRequestURI().getPath().equals("/gone") ? Integer.valueOf(410) : hookAnswers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static Received next(String path, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Received r = received.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r != null && r.path().equals(path)) {
                return r;
            }
        }
        throw new AssertionError("nothing arrived at " + path + " within " + within);
    }

    /** HMAC-SHA256, computed here from the contract's words, independent of the server's signer. */
    static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void publishedEventsReachTheWebhookSignedAndAfterARetry() throws Exception {
        String secret = send("GET", "signature-key", null).object().getString("key");
        byte[] key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Answer webhook = send("POST", "webhooks", "{\"label\": \"Refunds\", \"url\": \"" + hook + "\", \"events\": "
            + "[\"transaction.refund.voided\"], \"authentication\": {\"type\": \"BASIC\", \"username\": \"shop\", "
            + "\"password\": \"receiver-pass-1\"}, \"signature\": {\"type\": \"SIGNATURE_KEY\"}}");
        assertEquals(201, webhook.status(), webhook.body());
        received.clear();
        hookAnswers.clear();
        hookAnswers.add(500);

        String eventId = send("POST", "events", "{\"event_type\": \"transaction.refund.voided\", \"object\": {\"type\": \"refund\", "
            + "\"amount_detail\": {\"amount\": \"5.00\"}}}").object().getString("event_id");

        Received first = next("/hook", Duration.ofSeconds(10));
        assertEquals("application/json", first.headers().get("content-type"));
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("shop:receiver-pass-1".getBytes(StandardCharsets.UTF_8)),
            first.headers().get("authorization"));
        assertTrue(first.body().contains("\"event_id\":\"" + eventId + "\""), first.body());
        assertTrue(first.body().startsWith("{\"type\":\"event\",\"event_triggered\":\""), first.body());
        assertEquals(eventId, first.headers().get("webhook-id"));
        String expectedHex = HexFormat.of().formatHex(hmac(key, first.body()));
        assertTrue(List.of(first.headers().get("x-signature").split(" ")).contains(expectedHex), first.headers().toString());
        String expectedV1 = "v1," + java.util.Base64.getEncoder().encodeToString(
            hmac(key, eventId + "." + first.headers().get("webhook-timestamp") + "." + first.body()));
        assertTrue(List.of(first.headers().get("webhook-signature").split(" ")).contains(expectedV1), first.headers().toString());

        // the 500 is retried (after 2 s ± 20 % with the tests' compressed schedule) with the same event and body
        Received retry = next("/hook", Duration.ofSeconds(12));
        assertEquals(first.body(), retry.body());
        assertEquals(eventId, retry.headers().get("webhook-id"));

        // the event log shows both attempts
        JsonObject logged = awaitDeliveryStatus(eventId, "SUCCEEDED");
        JsonArray attempts = logged.getJsonArray("deliveries").getJsonObject(0).getJsonArray("attempt_log");
        assertEquals(2, attempts.size());
        assertEquals(500, attempts.getJsonObject(0).getInt("http_status"));
        assertEquals(200, attempts.getJsonObject(1).getInt("http_status"));
        assertEquals("transaction.refund.voided", logged.getJsonObject("payload").getString("event_type"));
        assertTrue(send("GET", "events?type=transaction.refund.voided", null).body().contains(eventId));

        // a replay sends it again only to webhooks whose delivery failed (by default), or to all when asked
        Answer onlyFailed = send("POST", "events/" + eventId + "/replay", null);
        assertEquals(202, onlyFailed.status(), onlyFailed.body());
        assertEquals(0, onlyFailed.object().getInt("replayed"), "its one delivery succeeded");
        Answer replayed = send("POST", "events/" + eventId + "/replay?deliveries=all", null);
        assertEquals(202, replayed.status(), replayed.body());
        assertEquals(1, replayed.object().getInt("replayed"));
        assertEquals(eventId, next("/hook", Duration.ofSeconds(10)).headers().get("webhook-id"));

        // the engine reports at /metrics
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + "/metrics"))
                .header("Authorization", "Bearer " + System.getProperty("payhooks.it.metrics.token")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("payhooks_deliveries_pending"), metrics);
        assertTrue(metrics.contains("payhooks_deliveries_dead"), metrics);
        assertTrue(metrics.contains("payhooks_delivery_attempts_total{") && metrics.contains("outcome=\"success\""), metrics);
        // in the unit its name says: these deliveries took seconds at most (a timer here read 3.0E8 "seconds")
        Matcher median = Pattern.compile(
            "(?m)^payhooks_publish_to_delivery_milliseconds\\{[^}]*quantile=\"0\\.5\"[^}]*} ([0-9.E]+)$").matcher(metrics);
        assertTrue(median.find(), metrics);
        double medianMillis = Double.parseDouble(median.group(1));
        assertTrue(medianMillis >= 0 && medianMillis < 60_000, "publish-to-delivery p50 " + medianMillis + " ms");

        // and a test event reaches this webhook only
        String webhookId = webhook.object().getString("id");
        Answer test = send("POST", "webhooks/" + webhookId + "/test", null);
        assertEquals(202, test.status(), test.body());
        Received sample = next("/hook", Duration.ofSeconds(10));
        assertTrue(sample.body().contains("\"event_type\":\"webhook.test\""), sample.body());
        send("DELETE", "webhooks/" + webhookId, null);
    }

    JsonObject awaitDeliveryStatus(String eventId, String status) throws Exception {
        java.util.function.Predicate<JsonObject> reached = delivery -> delivery.getString("status").equals(status);
        JsonObject event = awaitEvent(eventId, Duration.ofSeconds(5), reached);
        if (!firstDeliveryMeets(event, reached)) {
            throw new AssertionError("delivery of " + eventId + " not " + status + ": " + event);
        }
        return event;
    }

    /** The event as the API shows it once its first delivery meets {@code done}, or as it is after {@code timeout}. */
    JsonObject awaitEvent(String eventId, Duration timeout, java.util.function.Predicate<JsonObject> done) throws Exception {
        return Eventually.poll(timeout, () -> send("GET", "events/" + eventId, null).object(),
            event -> firstDeliveryMeets(event, done));
    }

    static boolean firstDeliveryMeets(JsonObject event, java.util.function.Predicate<JsonObject> done) {
        JsonArray deliveries = event.getJsonArray("deliveries");
        return !deliveries.isEmpty() && done.test(deliveries.getJsonObject(0));
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEveryEventAfterwards() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort(); // nothing listens there until the receiver comes back: connections are refused
        }
        Answer webhook = send("POST", "webhooks", "{\"label\": \"Flaky\", \"url\": \"http://127.0.0.1:" + port + "/hook\", "
            + "\"events\": [\"settlement.batch.success\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}");
        assertEquals(201, webhook.status(), webhook.body());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(send("POST", "events", "{\"event_type\": \"settlement.batch.success\", \"object\": {\"batch\": " + i + "}}")
                .object().getString("event_id"));
        }
        for (String id : ids) { // every event has met the refused connection at least once
            awaitEvent(id, Duration.ofSeconds(10), delivery -> !delivery.getJsonArray("attempt_log").isEmpty());
        }

        java.util.Set<String> arrived = java.util.concurrent.ConcurrentHashMap.newKeySet();
        com.sun.net.httpserver.HttpServer back = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
        back.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"event_id\":\"([0-9a-f]{64})\"").matcher(body);
            if (m.find()) {
                arrived.add(m.group(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        back.start();
        try {
            Eventually.holds(Duration.ofSeconds(20), () -> arrived.containsAll(ids));
            assertTrue(arrived.containsAll(ids), "arrived " + arrived.size() + " of " + ids.size());
            for (String id : ids) {
                JsonArray attempts = awaitDeliveryStatus(id, "SUCCEEDED").getJsonArray("deliveries").getJsonObject(0).getJsonArray("attempt_log");
                assertTrue(attempts.size() >= 2, attempts.toString());
                assertEquals("CONNECTION_REFUSED", attempts.getJsonObject(0).getString("error_class"));
                assertEquals(200, attempts.getJsonObject(attempts.size() - 1).getInt("http_status"));
            }
        } finally {
            back.stop(0);
            send("DELETE", "webhooks/" + webhook.object().getString("id"), null);
        }
    }

    @Test
    void fifoWebhooksGetEventsInPublishOrderAndRateLimitedOnesAreSpacedOut() throws Exception {
        record Arrival(String path, int n, long nanos) { }
        // the receiver's threads add while the test streams over it: a synchronized list would need its lock held for that
        List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refusalsLeft = new java.util.concurrent.atomic.AtomicInteger(2);
        com.sun.net.httpserver.HttpServer shop = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\{\"n\":(\\d+)}").matcher(body);
            int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
            String path = exchange.getRequestURI().getPath();
            arrivals.add(new Arrival(path, n, System.nanoTime()));
            // the first event to the FIFO hook fails twice: everything after it must wait
            boolean refuse = path.equals("/fifo") && n == 0 && refusalsLeft.getAndDecrement() > 0;
            exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
            exchange.close();
        });
        shop.start();
        String base = "http://127.0.0.1:" + shop.getAddress().getPort();
        Answer fifo = send("POST", "webhooks", "{\"label\": \"Ledger\", \"url\": \"" + base + "/fifo\", \"events\": [\"ach.note_added\"], "
            + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}, \"fifo\": true}");
        assertEquals(201, fifo.status(), fifo.body());
        assertTrue(fifo.object().getBoolean("fifo"), fifo.body());
        Answer paced = send("POST", "webhooks", "{\"label\": \"Slow ERP\", \"url\": \"" + base + "/paced\", \"events\": [\"ach.submitted\"], "
            + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}, \"rateLimitPerSecond\": 4}");
        assertEquals(201, paced.status(), paced.body());
        try {
            for (int n = 0; n < 12; n++) {
                if (n < 6) {
                    send("POST", "events", "{\"event_type\": \"ach.note_added\", \"object\": {\"n\":" + n + "}}");
                }
                send("POST", "events", "{\"event_type\": \"ach.submitted\", \"object\": {\"n\":" + n + "}}");
            }
            Eventually.holds(Duration.ofSeconds(20), () -> arrivals.stream().filter(a -> a.path().equals("/fifo")).count() >= 8
                && arrivals.stream().filter(a -> a.path().equals("/paced")).count() >= 12);
            List<Integer> fifoOrder = arrivals.stream().filter(a -> a.path().equals("/fifo")).map(Arrival::n).toList();
            assertEquals(List.of(0, 0, 0, 1, 2, 3, 4, 5), fifoOrder, "one at a time, in publish order, the failing head first");

            List<Long> paceTimes = arrivals.stream().filter(a -> a.path().equals("/paced")).map(Arrival::nanos).sorted().toList();
            assertEquals(12, paceTimes.size());
            for (long start : paceTimes) {
                long inOneSecond = paceTimes.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
                assertTrue(inOneSecond <= 5, inOneSecond + " deliveries within one second at a limit of 4/s");
            }
            long spanMillis = (paceTimes.get(11) - paceTimes.get(0)) / 1_000_000;
            assertTrue(spanMillis >= 2_500, "12 deliveries at 4/s took only " + spanMillis + " ms");
        } finally {
            shop.stop(0);
            send("DELETE", "webhooks/" + fifo.object().getString("id"), null);
            send("DELETE", "webhooks/" + paced.object().getString("id"), null);
        }
    }

    @Test
    void goneDisablesTheSubscription() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String gone = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/gone";
        Answer webhook = send("POST", "webhooks", "{\"label\": \"Old system\", \"url\": \"" + gone + "\", \"events\": "
            + "[\"transaction.sale.unvoided\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}");
        String id = webhook.object().getString("id");

        send("POST", "events", "{\"event_type\": \"transaction.sale.unvoided\", \"object\": {}}");
        next("/gone", Duration.ofSeconds(10));

        JsonObject after = Eventually.poll(Duration.ofSeconds(5), () -> send("GET", "webhooks/" + id, null).object(),
            current -> !current.getBoolean("enabled"));
        assertEquals("DISABLED", after.getString("status"));
        assertEquals("the endpoint answered 410 Gone", after.getString("disabledReason"));

        JsonArray dead = send("GET", "events?subscription=" + id + "&status=DEAD", null).object().getJsonArray("items");
        assertEquals(1, dead.size());
        assertEquals("the endpoint answered 410 Gone", dead.getJsonObject(0).getJsonArray("deliveries").getJsonObject(0).getString("dead_reason"));
        // an event published while the webhook is off is not delivered to it...
        String missedId = send("POST", "events", "{\"event_type\": \"transaction.sale.unvoided\", \"object\": {\"n\": 2}}")
            .object().getString("event_id");
        assertTrue(send("GET", "events/" + missedId, null).object().getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
            .noneMatch(d -> d.getString("subscription_id").equals(id)));
        Answer missingFrom = send("POST", "replays", "{\"subscription\": \"" + id + "\", \"missed\": true}");
        assertEquals(400, missingFrom.status(), missingFrom.body());

        // ...until it is switched on again and replays its dead letters and what it missed
        Answer enabled = send("PUT", "webhooks/" + id, "{\"label\": \"Old system\", \"url\": \"" + gone + "\", \"events\": "
            + "[\"transaction.sale.unvoided\"], \"signature\": {\"type\": \"NONE\"}, \"enabled\": true}");
        assertEquals(200, enabled.status(), enabled.body());
        Answer bulk = send("POST", "replays", "{\"subscription\": \"" + id + "\", \"from\": \"" + since + "\", \"missed\": true}");
        assertEquals(202, bulk.status(), bulk.body());
        assertEquals(1, bulk.object().getInt("replayed"));
        assertEquals(1, bulk.object().getInt("missed"));
        assertTrue(send("GET", "events/" + missedId, null).object().getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
            .anyMatch(d -> d.getString("subscription_id").equals(id)));
        Answer again = send("POST", "replays", "{\"subscription\": \"" + id + "\", \"from\": \"" + since + "\", \"missed\": true}");
        assertEquals(0, again.object().getInt("missed"), "nothing is missed twice");
        send("DELETE", "webhooks/" + id, null);
    }

    @Test
    void withFourEyesOnABulkReplayAboveTheThresholdWaitsForApproval() throws Exception {
        String otherKey = secondMerchantWithKey();
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/four-eyes";
        String id = send("POST", "webhooks", "{\"label\": \"Off\", \"url\": \"" + url + "\", \"events\": "
            + "[\"transaction.sale.unvoided\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}, "
            + "\"enabled\": false}", "application/json", otherKey).object().getString("id");
        String missedId = send("POST", "events", "{\"event_type\": \"transaction.sale.unvoided\", \"object\": {}}",
            "application/json", otherKey).object().getString("event_id");

        Answer on = send("PUT", "merchant", "{\"approvalThresholds\": {\"bulkReplay\": 0}}", "application/json", otherKey);
        assertEquals(200, on.status(), on.body());
        assertEquals(0, on.object().getJsonObject("approvalThresholds").getInt("bulkReplay"));
        Answer held = send("POST", "replays", "{\"subscription\": \"" + id + "\", \"from\": \"" + since + "\", \"missed\": true}",
            "application/json", otherKey);

        assertEquals(202, held.status(), held.body());
        assertEquals(0, held.object().getInt("missed"));
        JsonObject request = held.object().getJsonObject("approvalRequest");
        assertEquals("PENDING", request.getString("status"));
        assertEquals(1, request.getInt("deliveries"));
        assertTrue(send("GET", "events/" + missedId, null, null, otherKey).object().getJsonArray("deliveries").isEmpty(),
            "nothing was scheduled");
        JsonArray listed = (JsonArray) send("GET", "approvals", null, null, otherKey).parse();
        assertEquals(request.getString("id"), listed.getJsonObject(0).getString("id"));
        assertEquals(0, ((JsonArray) send("GET", "approvals", null).parse()).stream()
            .filter(r -> r.asJsonObject().getString("id").equals(request.getString("id"))).count(), "another merchant's");
        try (Connection c = database(); PreparedStatement audit = c.prepareStatement(
                "select action from audit_entry where subject = ? order by recorded_at")) {
            audit.setString(1, "bulk replay " + request.getString("id"));
            try (ResultSet rows = audit.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("approval.requested", rows.getString(1));
            }
        }
        Answer off = send("PUT", "merchant", "{\"approvalThresholds\": null}", "application/json", otherKey);
        assertTrue(off.object().getJsonObject("approvalThresholds").isNull("bulkReplay"), off.body());
    }

    String api(String path) {
        String base = "http://127.0.0.1:" + deploymentUrl.getPort() + deploymentUrl.getPath();
        return (base.endsWith("/") ? base : base + "/") + "api/v1/" + path;
    }

    record Answer(int status, String contentType, String body) {
        JsonObject object() {
            return (JsonObject) parse();
        }

        JsonArray array() {
            return (JsonArray) parse();
        }

        JsonStructure parse() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    Answer send(String method, String path, String body, String contentType, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(path))).timeout(Duration.ofSeconds(20))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    Answer send(String method, String path, String json) throws Exception {
        return send(method, path, json, json == null ? null : "application/json", KEY);
    }

    static String uniqueSlug() {
        return "ch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final String ADYEN = """
        {"apiKey": "AQE-integration-test-api-key-9876", "merchantAccount": "ShopJP", "clientKey": "test_CK",
         "hmacKeys": ["44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"],
         "notificationUsername": "adyen", "notificationPassword": "notification-password-5555"}""";

    @Test
    void requestsWithoutAValidKeyAreRefused() throws Exception {
        for (String key : new String[] {null, "", "phk_" + "z".repeat(40), "not-a-key"}) {
            Answer answer = send("GET", "channels", null, null, key);
            assertEquals(401, answer.status(), String.valueOf(key));
            assertEquals("unauthorized", answer.object().getString("error"));
        }
    }

    /** Regression: the readiness check once left pooled connections read-only, and PostgreSQL then refused every write. */
    @Test
    void healthChecksLeaveConnectionsWritable() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + "/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        for (int i = 0; i < 10; i++) {
            Answer created = send("POST", "channels", "{\"slug\": \"" + uniqueSlug() + "\", \"name\": \"After health\", "
                + "\"currency\": \"EUR\", \"country\": \"DE\"}");
            assertEquals(201, created.status(), created.body());
        }
    }

    @Test
    void theKeyShowsItsMerchant() throws Exception {
        Answer merchant = send("GET", "merchant", null);

        assertEquals(200, merchant.status(), merchant.body());
        assertEquals(15, merchant.object().getString("merchantKey").length());

        Answer renamed = send("PUT", "merchant", "{\"name\": \"  Tokyo Shop  \"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Tokyo Shop", renamed.object().getString("name"));
        assertEquals(400, send("PUT", "merchant", "{\"name\": \"\"}").status());
    }

    @Test
    void channelLifecycleWithAProviderWhoseSecretsStayHidden() throws Exception {
        String slug = uniqueSlug();
        Answer created = send("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Japan\", \"currency\": \"JPY\", \"country\": \"JP\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("JPY", created.object().getString("currency"));

        Answer configured = send("PUT", "channels/" + slug + "/providers/adyen", ADYEN);
        assertEquals(200, configured.status(), configured.body());
        JsonObject settings = configured.object().getJsonObject("settings");
        assertEquals("••••9876", settings.getString("apiKey"));
        assertEquals("••••A056", settings.getJsonArray("hmacKeys").getString(0));
        assertEquals("ShopJP", settings.getString("merchantAccount"));
        assertEquals("TEST", settings.getString("environment"));
        String notificationUrl = configured.object().getString("notificationUrl");
        assertTrue(notificationUrl.matches("http://.+/api/notifications/adyen/[a-z0-9]{32}"), notificationUrl);
        assertFalse(configured.body().contains("integration-test-api-key"), "the secret never comes back");

        Answer read = send("GET", "channels/" + slug + "/providers/adyen", null);
        assertEquals(configured.body(), read.body());

        // secrets are write-only: leaving them out keeps them
        Answer changed = send("PUT", "channels/" + slug + "/providers/adyen",
            "{\"merchantAccount\": \"ShopJP2\", \"clientKey\": \"test_CK\", \"notificationUsername\": \"adyen\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("••••9876", changed.object().getJsonObject("settings").getString("apiKey"));
        assertEquals(notificationUrl, changed.object().getString("notificationUrl"));

        assertSealedInTheDatabase(slug);

        Answer renamed = send("PUT", "channels/" + slug, "{\"name\": \"Nihon\", \"currency\": \"JPY\", \"country\": \"JP\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Nihon", renamed.object().getString("name"));
        assertTrue(send("GET", "channels", null).array().stream()
            .anyMatch(c -> c.asJsonObject().getString("slug").equals(slug)));

        assertEquals(204, send("DELETE", "channels/" + slug + "/providers/adyen", null).status());
        assertEquals(404, send("GET", "channels/" + slug + "/providers/adyen", null).status());
        assertEquals(204, send("DELETE", "channels/" + slug, null).status());
        assertEquals(404, send("GET", "channels/" + slug, null).status());

        assertAuditedAsApi(slug);
    }

    /** Every change above is in the audit trail like a console change, by the API key, with field names but no secret. */
    void assertAuditedAsApi(String slug) throws Exception {
        try (Connection c = database();
             PreparedStatement q = c.prepareStatement("select action, actor, source, detail from audit_entry "
                 + "where subject = ? or subject = ? order by recorded_at, id")) {
            q.setString(1, "channel " + slug);
            q.setString(2, "channel " + slug + " / Adyen");
            List<String> actions = new ArrayList<>();
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    actions.add(row.getString(1));
                    assertEquals("API", row.getString(3));
                    assertTrue(row.getString(2).matches(".+ \\([0-9a-f-]{36}\\)"), "the API key's label and id: " + row.getString(2));
                    assertFalse(row.getString(4).contains("integration-test-api-key"), row.getString(4));
                }
            }
            assertEquals(List.of("channel.opened", "channel.provider.configured", "channel.provider.changed", "channel.described",
                "channel.provider.removed", "channel.closed"), actions);
        }
    }

    /** A second connection to the server's database (H2 runs with AUTO_SERVER in the tests). */
    static Connection database() throws Exception {
        return DB_URL.startsWith("jdbc:h2:") ? DriverManager.getConnection(DB_URL, "sa", "") : DriverManager.getConnection(DB_URL);
    }

    void assertSealedInTheDatabase(String slug) throws Exception {
        try (Connection c = database();
             PreparedStatement q = c.prepareStatement("select p.sealed_secrets, p.setting_values from channel_provider p "
                 + "join channel ch on ch.id = p.channel_id where ch.slug = ? and p.provider = 'adyen'")) {
            q.setString(1, slug);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                String sealed = row.getString(1);
                System.out.println("channel_provider.sealed_secrets for " + slug + ": " + sealed);
                assertTrue(sealed.matches("\\{\"apiKey\":\"v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+\".*"), sealed);
                assertFalse(sealed.contains("integration-test-api-key"));
                assertFalse(row.getString(2).contains("integration-test-api-key"));
            }
        }
    }

    @Test
    void apiKeysAreIssuedOnceAndRevoked() throws Exception {
        Answer issued = send("POST", "api-keys", "{\"label\": \"integration test\"}");
        assertEquals(201, issued.status(), issued.body());
        String key = issued.object().getString("key");
        String id = issued.object().getString("id");

        assertEquals(200, send("GET", "channels", null, null, key).status());
        assertFalse(send("GET", "api-keys", null).body().contains(key), "listing never shows a key");

        assertEquals(204, send("DELETE", "api-keys/" + id, null).status());
        assertEquals(401, send("GET", "channels", null, null, key).status());
    }

    /** Inserts a merchant with an API key, as a second tenant; returns the key. */
    static String secondMerchantWithKey() throws Exception {
        String merchantId = UUID.randomUUID().toString();
        String key = "phk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "00000000";
        try (Connection c = database()) {
            try (PreparedStatement m = c.prepareStatement(
                    "insert into merchant (id, name, merchant_key, created_at, version) values (?, 'Other shop', ?, ?, 0)")) {
                m.setString(1, merchantId);
                m.setString(2, merchantId.replace("-", "").substring(0, 15));
                m.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                m.executeUpdate();
            }
            try (PreparedStatement k = c.prepareStatement("insert into api_key (id, merchant_id, label, display_prefix, key_hash, "
                    + "sealed_key, created_at, version) values (?, ?, 'other', 'phk_…', ?, 'v1:00000000:unused', ?, 0)")) {
                k.setString(1, UUID.randomUUID().toString());
                k.setString(2, merchantId);
                k.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
                k.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                k.executeUpdate();
            }
        }
        return key;
    }

    @Test
    void oneMerchantCannotSeeAnothersData() throws Exception {
        String otherKey = secondMerchantWithKey();
        try {
            seesOnlyItsOwnData(otherKey);
        } finally {
            // the ITs share one database: a second merchant left behind would make the Saleor apps'
            // registration in later ITs ask which merchant they work for
            try (Connection c = database(); PreparedStatement delete = c.prepareStatement(
                    "delete from merchant where name = 'Other shop'")) {
                delete.executeUpdate();
            }
        }
    }

    private void seesOnlyItsOwnData(String otherKey) throws Exception {
        String slug = uniqueSlug();
        assertEquals(201, send("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Mine\", \"currency\": \"EUR\", \"country\": \"DE\"}").status());
        assertEquals(200, send("PUT", "channels/" + slug + "/providers/adyen", ADYEN).status());

        assertEquals(404, send("GET", "channels/" + slug, null, null, otherKey).status());
        assertEquals(404, send("GET", "channels/" + slug + "/providers/adyen", null, null, otherKey).status());
        assertEquals(404, send("DELETE", "channels/" + slug, null, null, otherKey).status());
        assertFalse(send("GET", "channels", null, null, otherKey).body().contains(slug));
        // the same slug is free for the other merchant: it is a different channel
        assertEquals(201, send("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Theirs\", \"currency\": \"EUR\", \"country\": \"DE\"}",
            "application/json", otherKey).status());
        assertEquals("Mine", send("GET", "channels/" + slug, null).object().getString("name"));

        String[] mine = seedTransactions(slug, 1);
        assertEquals(404, send("GET", "transactions/" + mine[0], null, null, otherKey).status());
        assertFalse(send("GET", "transactions?channel=" + slug, null, null, otherKey).body().contains(mine[0]));
        assertEquals(200, send("GET", "transactions/" + mine[0], null).status());
    }

    /** Inserts transactions of the API key's merchant in a channel (what adapters will do); returns their ids. */
    String[] seedTransactions(String channel, int count) throws Exception {
        String merchantId = send("GET", "merchant", null).object().getString("id");
        String[] ids = new String[count];
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-01T09:00:00Z");
        try (Connection c = database();
             PreparedStatement tx = c.prepareStatement("insert into payment_transaction (id, merchant_id, channel_slug, provider, "
                 + "merchant_reference, provider_reference, currency, status, authorized, charged, refunded, cancelled, charged_back, "
                 + "authorization_pending, charge_pending, refund_pending, cancel_pending, created_at, updated_at, version) "
                 + "values (?, ?, ?, ?, ?, ?, 'JPY', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0)");
             PreparedStatement ev = c.prepareStatement("insert into transaction_event (transaction_id, sequence_number, operation, "
                 + "result, amount, provider_reference, occurred_at, message, event_key, status_after) values (?, ?, ?, 'SUCCESS', ?, ?, ?, ?, ?, ?)");
             PreparedStatement ref = c.prepareStatement(
                 "insert into transaction_provider_reference (transaction_id, position, reference, since) values (?, 0, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                ids[i] = "tx-" + UUID.randomUUID();
                boolean charged = i % 2 == 1;
                OffsetDateTime at = t0.plusMinutes(i);
                tx.setString(1, ids[i]);
                tx.setString(2, merchantId);
                tx.setString(3, channel);
                tx.setString(4, i == 2 ? "np-atobarai" : "adyen");
                tx.setString(5, "saleor-" + i);
                tx.setString(6, "psp-" + ids[i]);
                tx.setString(7, charged ? "CHARGED" : "AUTHORIZED");
                tx.setLong(8, 5000 + i);
                tx.setLong(9, charged ? 5000 + i : 0);
                tx.setObject(10, at);
                tx.setObject(11, at);
                tx.executeUpdate();
                int sequence = 1;
                for (String operation : charged ? new String[] {"AUTHORIZE", "CHARGE"} : new String[] {"AUTHORIZE"}) {
                    ev.setString(1, ids[i]);
                    ev.setInt(2, sequence);
                    ev.setString(3, operation);
                    ev.setLong(4, 5000 + i);
                    ev.setString(5, "psp-" + ids[i]);
                    ev.setObject(6, at);
                    ev.setString(7, operation.equals("AUTHORIZE") ? "Authorised" : null);
                    ev.setString(8, operation + "-" + ids[i]);
                    ev.setString(9, sequence == 1 ? "AUTHORIZED" : "CHARGED");
                    ev.executeUpdate();
                    sequence++;
                }
                ref.setString(1, ids[i]);
                ref.setString(2, "psp-" + ids[i]);
                ref.setObject(3, at);
                ref.executeUpdate();
            }
            if (count > 1) {
                // the second transaction is charged: give it a partial refund and a shipment
                try (PreparedStatement refund = c.prepareStatement("insert into refund (id, transaction_id, kind, amount, currency, "
                         + "includes_shipping, stage, status, provider_reference, requested_at, updated_at, version) "
                         + "values (?, ?, 'MANUAL', 1200, 'JPY', false, 'AFTER_SHIPMENT', 'SUCCEEDED', 'refund-psp', ?, ?, 0)");
                     PreparedStatement fulfillment = c.prepareStatement("insert into fulfillment (transaction_id, id, tracking_number, "
                         + "carrier_code, report_status, report_attempts, created_at, updated_at, version) "
                         + "values (?, 'RnVsZmlsbG1lbnQ6MQ==', 'JP-1234-5678', '50000', 'REPORTED', 1, ?, ?, 0)")) {
                    refund.setString(1, "refund-" + ids[1]);
                    refund.setString(2, ids[1]);
                    refund.setObject(3, t0.plusHours(1));
                    refund.setObject(4, t0.plusHours(1));
                    refund.executeUpdate();
                    fulfillment.setString(1, ids[1]);
                    fulfillment.setObject(2, t0.plusHours(1));
                    fulfillment.setObject(3, t0.plusHours(1));
                    fulfillment.executeUpdate();
                }
            }
        }
        return ids;
    }

    @Test
    void transactionsAreListedFilteredPagedAndShownWithTheirHistory() throws Exception {
        String channel = uniqueSlug();
        String[] ids = seedTransactions(channel, 5);

        JsonArray all = send("GET", "transactions?channel=" + channel, null).object().getJsonArray("items");
        assertEquals(5, all.size());
        assertEquals(ids[4], all.getJsonObject(0).getString("id"), "newest first");
        assertEquals("5004", all.getJsonObject(0).getJsonObject("amounts").getString("authorized"), "JPY has no decimals");

        assertEquals(2, send("GET", "transactions?channel=" + channel + "&status=CHARGED", null).object().getJsonArray("items").size());
        assertEquals(1, send("GET", "transactions?channel=" + channel + "&provider=np-atobarai", null).object().getJsonArray("items").size());
        assertEquals(2, send("GET", "transactions?channel=" + channel + "&from=2026-11-01T09:01:00Z&to=2026-11-01T09:03:00Z", null)
            .object().getJsonArray("items").size());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = send("GET", "transactions?channel=" + channel + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null).object();
            page.getJsonArray("items").forEach(item -> paged.add(item.asJsonObject().getString("id")));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        assertEquals(List.of(ids[4], ids[3], ids[2], ids[1], ids[0]), paged);

        JsonObject detail = send("GET", "transactions/" + ids[1], null).object();
        assertEquals("CHARGED", detail.getString("status"));
        assertEquals(2, detail.getJsonArray("events").size());
        assertEquals("CHARGE", detail.getJsonArray("events").getJsonObject(1).getString("operation"));
        assertEquals("psp-" + ids[1], detail.getString("providerReference"));
        assertEquals("1200", detail.getJsonArray("refunds").getJsonObject(0).getString("amount"));
        assertEquals("AFTER_SHIPMENT", detail.getJsonArray("refunds").getJsonObject(0).getString("stage"));
        assertEquals("JP-1234-5678", detail.getJsonArray("fulfillments").getJsonObject(0).getString("trackingNumber"));
        assertEquals(0, send("GET", "transactions/" + ids[0], null).object().getJsonArray("refunds").size());

        for (String bad : new String[] {"limit=0", "limit=201", "limit=x", "status=BOGUS", "provider=paypal",
                "from=yesterday", "to=2026-13-01", "cursor=not-a-cursor"}) {
            Answer answer = send("GET", "transactions?" + bad, null);
            assertEquals(400, answer.status(), bad + " → " + answer.body());
            assertEquals("invalid_field", answer.object().getString("error"), bad);
        }
        assertEquals(404, send("GET", "transactions/no-such-transaction", null).status());
        assertEquals(404, send("GET", "transactions/%20bad%20id", null).status());
    }

    static String webhook(String url, String authentication, String signature) {
        return "{\"label\": \"Orders\", \"url\": \"" + url + "\", \"events\": [\"transaction.sale.success\", "
            + "\"transaction.refund.success\"], \"authentication\": " + authentication + ", \"signature\": " + signature
            + ", \"enabled\": true}";
    }

    @Test
    void webhooksAreManagedWithWriteOnlyPasswordsAndSsrfChecks() throws Exception {
        Answer created = send("POST", "webhooks", webhook("http://127.0.0.1:9/hook",
            "{\"type\": \"BASIC\", \"username\": \"shop\", \"password\": \"receiver-password-77\"}", "{\"type\": \"SIGNATURE_KEY\"}"));
        assertEquals(201, created.status(), created.body());
        String id = created.object().getString("id");
        assertEquals("ENABLED", created.object().getString("status"));
        assertEquals("BASIC", created.object().getJsonObject("authentication").getString("type"));
        assertFalse(created.body().contains("receiver-password-77"), "the password never comes back");

        // leaving authentication out keeps it; giving it resets it
        Answer kept = send("PUT", "webhooks/" + id, "{\"label\": \"Orders v2\", \"url\": \"http://127.0.0.1:9/hook2\", "
            + "\"events\": [\"transaction.sale.success\"], \"signature\": {\"type\": \"NONE\"}, \"enabled\": false}");
        assertEquals(200, kept.status(), kept.body());
        assertEquals("shop", kept.object().getJsonObject("authentication").getString("username"));
        assertEquals("DISABLED", kept.object().getString("status"));
        assertEquals("disabled by the merchant", kept.object().getString("disabledReason"));
        Answer reset = send("PUT", "webhooks/" + id, webhook("http://127.0.0.1:9/hook2", "{\"type\": \"NONE\"}", "{\"type\": \"NONE\"}"));
        assertEquals("NONE", reset.object().getJsonObject("authentication").getString("type"));
        assertEquals("ENABLED", reset.object().getString("status"));

        for (String internal : new String[] {"http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/"}) {
            Answer refused = send("POST", "webhooks", webhook(internal, "{\"type\": \"NONE\"}", "{\"type\": \"NONE\"}"));
            assertEquals(400, refused.status(), internal);
            assertTrue(refused.object().getString("message").startsWith("url: "), refused.body());
        }
        Answer otherKey = send("POST", "webhooks", webhook("http://127.0.0.1:9/", "{\"type\": \"NONE\"}",
            "{\"type\": \"SOURCE_KEY\", \"sourceKeyId\": \"" + UUID.randomUUID() + "\"}"));
        assertEquals(400, otherKey.status(), otherKey.body());

        assertTrue(send("GET", "webhooks", null).body().contains(id));
        assertEquals(204, send("DELETE", "webhooks/" + id, null).status());
        assertEquals(404, send("GET", "webhooks/" + id, null).status());
    }

    @Test
    void theSignatureKeyIsRevealedAndRotated() throws Exception {
        Answer first = send("GET", "signature-key", null);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.object().getString("key").startsWith("whsec_"));

        Answer rotated = send("POST", "signature-key/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertFalse(rotated.object().getString("key").equals(first.object().getString("key")));
        assertTrue(rotated.object().containsKey("previousKeyValidUntil"));
        assertEquals(rotated.object().getString("key"), send("GET", "signature-key", null).object().getString("key"));
    }

    @Test
    void ed25519WebhooksVerifyWithThePublishedKeySetWhichNeedsNoApiKey() throws Exception {
        Answer key = send("GET", "ed25519-key", null);
        assertEquals(200, key.status(), key.body());
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ed25519";
        Answer webhook = send("POST", "webhooks", "{\"label\": \"Public key\", \"url\": \"" + hook + "\", \"events\": "
            + "[\"settlement.batch.failure\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"ED25519\"}}");
        assertEquals(201, webhook.status(), webhook.body());
        assertEquals("ED25519", webhook.object().getJsonObject("signature").getString("type"));
        received.clear();
        hookAnswers.clear();

        String eventId = send("POST", "events", "{\"event_type\": \"settlement.batch.failure\", \"object\": {\"type\": \"batch\"}}")
            .object().getString("event_id");

        Received delivered = next("/ed25519", Duration.ofSeconds(10));
        assertEquals(eventId, delivered.headers().get("webhook-id"));
        assertFalse(delivered.headers().containsKey("x-signature"), "no shared secret, so no X-Signature");
        // the key set, fetched as a receiver would: no API key
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(key.object().getString("jwksUrl"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, jwks.statusCode(), jwks.body());
        assertTrue(jwks.headers().firstValue("cache-control").orElse("").contains("max-age"), jwks.headers().toString());
        JsonObject jwk = Json.createReader(new java.io.StringReader(jwks.body())).readObject().getJsonArray("keys").getJsonObject(0);
        assertEquals("OKP", jwk.getString("kty"));
        assertEquals("Ed25519", jwk.getString("crv"));
        assertEquals(key.object().getString("keyId"), jwk.getString("kid"));
        String content = eventId + "." + delivered.headers().get("webhook-timestamp") + "." + delivered.body();
        String header = delivered.headers().get("webhook-signature");
        assertTrue(header.startsWith("v1a,"), header);
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(ed25519PublicKey(jwk.getString("x")));
        verifier.update(content.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(java.util.Base64.getDecoder().decode(header.substring("v1a,".length()))));

        Answer rotated = send("POST", "ed25519-key/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        assertFalse(rotated.object().getString("keyId").equals(key.object().getString("keyId")));
        String twoKeys = http.send(HttpRequest.newBuilder(URI.create(key.object().getString("jwksUrl"))).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(2, Json.createReader(new java.io.StringReader(twoKeys)).readObject().getJsonArray("keys").size(), twoKeys);
        HttpResponse<String> nobody = http.send(HttpRequest.newBuilder(URI.create(key.object().getString("jwksUrl")
            .replaceAll("webhook-keys/[^/]+/", "webhook-keys/no-such-merchant/"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, nobody.statusCode());
        assertEquals(204, send("DELETE", "webhooks/" + webhook.object().getString("id"), null).status());
    }

    /** The X.509 form of a raw Ed25519 public key (RFC 8410): the fixed algorithm prefix, then the JWK's 32 bytes. */
    static java.security.PublicKey ed25519PublicKey(String x) throws Exception {
        byte[] raw = java.util.Base64.getUrlDecoder().decode(x);
        byte[] encoded = java.util.Arrays.copyOf(HexFormat.of().parseHex("302a300506032b6570032100"), 12 + raw.length);
        System.arraycopy(raw, 0, encoded, 12, raw.length);
        return java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(encoded));
    }

    @Test
    void publishedEventsAreAcceptedOnceperIdempotencyKey() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String event = "{\"event_type\": \"transaction.sale.success\", \"object\": {\"type\": \"transaction\", "
            + "\"key\": \"1nftvzx7xtcggm3\", \"amount_detail\": {\"amount\": \"5.00\"}}}";
        Answer accepted = sendWith("POST", "events", event, key);
        assertEquals(202, accepted.status(), accepted.body());
        String eventId = accepted.object().getString("event_id");
        assertTrue(eventId.matches("[0-9a-f]{64}"), eventId);

        Answer again = sendWith("POST", "events", event, key);
        assertEquals(200, again.status());
        assertEquals(eventId, again.object().getString("event_id"));
        assertFalse(eventId.equals(sendWith("POST", "events", event, null).object().getString("event_id")));

        assertEquals(400, send("POST", "events", "{\"event_type\": \"sale.done\", \"object\": {}}").status());
        assertEquals(400, send("POST", "events", "{\"event_type\": \"transaction.sale.success\"}").status());
        assertEquals(400, send("POST", "events", "{\"event_type\": \"transaction.sale.success\", \"object\": [1]}").status());
        assertEquals(413, send("POST", "events", "{\"event_type\": \"transaction.sale.success\", \"object\": {\"pad\": \""
            + "x".repeat(260 * 1024) + "\"}}").status());
        assertEquals(400, sendWith("POST", "events", event, "has spaces in it").status());
    }

    Answer sendWith(String method, String path, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(path))).timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** Each bad request: method, path, body, content type, expected status. */
    record Bad(String method, String path, String body, String contentType, int status) { }

    @Test
    void badRequestsGetAJsonErrorAndChangeNothing() throws Exception {
        String slug = uniqueSlug();
        assertEquals(201, send("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"Japan\", \"currency\": \"JPY\", \"country\": \"JP\"}").status());
        assertEquals(200, send("PUT", "channels/" + slug + "/providers/adyen", ADYEN).status());
        String channelBefore = send("GET", "channels/" + slug, null).body();
        String providerBefore = send("GET", "channels/" + slug + "/providers/adyen", null).body();
        String listBefore = send("GET", "channels", null).body();
        String merchantBefore = send("GET", "merchant", null).body();
        String json = "application/json";
        String big = "{\"slug\": \"x\", \"name\": \"" + "a".repeat(70_000) + "\", \"currency\": \"JPY\", \"country\": \"JP\"}";

        List<Bad> sweep = new ArrayList<>(List.of(
            new Bad("POST", "channels", "{", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"a\", \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"} {}", json, 400),
            new Bad("POST", "channels", "{\"slug\": ", json, 400),
            new Bad("POST", "channels", "[1, 2]", json, 400),
            new Bad("POST", "channels", "\"text\"", json, 400),
            new Bad("POST", "channels", "", json, 400),
            new Bad("POST", "channels", "null", json, 400),
            new Bad("POST", "channels", "{\"slug\": 5, \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 400),
            new Bad("POST", "channels", "{\"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"Bad Slug\", \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"ok\", \"name\": \"n\", \"currency\": \"YEN\", \"country\": \"JP\"}", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"ok\", \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"Japan\"}", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"ok\", \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\", \"extra\": 1}", json, 400),
            new Bad("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"dup\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 409),
            new Bad("POST", "channels", "slug=x", "application/x-www-form-urlencoded", 415),
            new Bad("POST", "channels", big, json, 413),
            new Bad("PUT", "channels/" + slug, "{\"slug\": \"renamed\", \"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 400),
            new Bad("PUT", "channels/" + slug, "{\"name\": \"n\", \"currency\": \"JPY\", \"country\": \"XX\"}", json, 400),
            new Bad("PUT", "channels/" + slug, "{\"name\": true, \"currency\": \"JPY\", \"country\": \"JP\"}", json, 400),
            new Bad("PUT", "channels/no-such-channel", "{\"name\": \"n\", \"currency\": \"JPY\", \"country\": \"JP\"}", json, 404),
            new Bad("GET", "channels/no-such-channel", null, null, 404),
            new Bad("DELETE", "channels/no-such-channel", null, null, 404),
            new Bad("PUT", "channels/" + slug + "/providers/paypal", ADYEN, json, 404),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"environment\": \"PROD\"}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"hmacKeys\": \"not-a-list\"}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"hmacKeys\": [1, 2]}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"apiBaseUrl\": \"ftp://x\"}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"merchantAccount\": null}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"unknownSetting\": \"x\"}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"merchantAccount\": {\"a\": 1}}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/walley", "{}", json, 400),
            new Bad("PUT", "channels/" + slug + "/providers/adyen", "{\"merchantAccount\": \"x\"", json, 400),
            new Bad("DELETE", "channels/" + slug + "/providers/walley", null, null, 404),
            new Bad("POST", "api-keys", "{}", json, 400),
            new Bad("POST", "api-keys", "{\"label\": 42}", json, 400),
            new Bad("DELETE", "api-keys/no-such-key", null, null, 404),
            new Bad("PUT", "merchant", "{\"name\": ", json, 400),
            new Bad("PUT", "merchant", "{\"name\": 7}", json, 400),
            new Bad("PUT", "merchant", "{\"name\": \"x\", \"merchantKey\": \"mine\"}", json, 400),
            new Bad("PUT", "merchant", "name=x", "text/plain", 415),
            new Bad("PATCH", "channels/" + slug, "{}", json, 405),
            new Bad("GET", "no-such-endpoint", null, null, 404),
            new Bad("POST", "webhooks", "{\"label\": \"x\"}", json, 400),
            new Bad("POST", "webhooks", webhook("http://127.0.0.1:9/", "{\"type\": \"NONE\"}", "{\"type\": \"MAGIC\"}"), json, 400),
            new Bad("POST", "webhooks", webhook("http://127.0.0.1:9/", "{\"type\": \"BASIC\"}", "{\"type\": \"NONE\"}"), json, 400),
            new Bad("POST", "webhooks", webhook("not a url", "{\"type\": \"NONE\"}", "{\"type\": \"NONE\"}"), json, 400),
            new Bad("POST", "webhooks", webhook("http://127.0.0.1:9/", "\"NONE\"", "{\"type\": \"NONE\"}"), json, 400),
            new Bad("POST", "webhooks", "{\"label\": \"x\", \"url\": \"http://127.0.0.1:9/\", \"events\": [], "
                + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}", json, 400),
            new Bad("POST", "webhooks", "{\"label\": \"x\", \"url\": \"http://127.0.0.1:9/\", \"events\": [\"no.such.event\"], "
                + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}", json, 400),
            new Bad("PUT", "webhooks/no-such-webhook", webhook("http://127.0.0.1:9/", "{\"type\": \"NONE\"}", "{\"type\": \"NONE\"}"), json, 404),
            new Bad("POST", "events", "{\"event_type\": 5, \"object\": {}}", json, 400),
            new Bad("GET", "events?status=BOGUS", null, null, 400),
            new Bad("GET", "events?limit=0", null, null, 400),
            new Bad("GET", "events?cursor=nope", null, null, 400),
            new Bad("GET", "events?from=today", null, null, 400),
            new Bad("GET", "events/not-an-event-id", null, null, 404),
            new Bad("POST", "events/" + "0".repeat(64) + "/replay", null, null, 404),
            new Bad("POST", "events/" + "0".repeat(64) + "/replay?deliveries=some", null, null, 400),
            new Bad("POST", "replays", "{\"status\": 5}", json, 400),
            new Bad("POST", "replays", "{\"color\": \"red\"}", json, 400),
            new Bad("POST", "webhooks/no-such-webhook/test", null, null, 404)));

        for (Bad bad : sweep) {
            Answer answer = send(bad.method(), bad.path(), bad.body(), bad.contentType(), KEY);
            String what = bad.method() + " " + bad.path() + " " + (bad.body() == null ? "" : bad.body().substring(0, Math.min(80, bad.body().length())));
            assertEquals(bad.status(), answer.status(), what + " → " + answer.body());
            assertTrue(answer.contentType().startsWith("application/json"), what + " → " + answer.contentType());
            JsonObject error = answer.object();
            assertFalse(error.getString("error").isBlank(), what);
            assertFalse(error.getString("message").isBlank(), what);
        }

        assertEquals(channelBefore, send("GET", "channels/" + slug, null).body());
        assertEquals(providerBefore, send("GET", "channels/" + slug + "/providers/adyen", null).body());
        assertEquals(listBefore, send("GET", "channels", null).body());
        assertEquals(merchantBefore, send("GET", "merchant", null).body());
    }
}
