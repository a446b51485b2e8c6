package dev.payhooks.app.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real server processes (the uber jar) on one database, as operators run them: two delivery
 * engines share the outbox without delivering an event twice, and an engine killed with
 * {@code kill -9} in the middle of a retry sequence loses nothing — the restarted server
 * carries on from the stored state. The database is the one the other ITs use (PostgreSQL in
 * CI, H2 in server mode otherwise); the environment (API key, retry schedule, loopback
 * allow-list) comes from Failsafe.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryEnginesIT {

    static final Path WORK = Paths.get("target/delivery-engines-it");
    static final String KEY = System.getProperty("payhooks.it.api.key");
    static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([0-9a-f]{64})\"");

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static HttpServer receiver;
    static final Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();
    static final List<Integer> flakyStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicBoolean flakyRecovered = new AtomicBoolean();
    static Server a;
    static Server b;

    record Server(Process process, int port, Path log) {
        String api(String path) {
            return "http://127.0.0.1:" + port + "/api/v1/" + path;
        }
    }

    static Server start(String name) throws Exception {
        SharedServer.JarServer started = SharedServer.startJar(WORK, name, Map.of());
        return new Server(started.process(), started.port(), started.log());
    }

    static void awaitReady(Server server) throws Exception {
        SharedServer.awaitReady(server.process(), server.port(), server.log(), Duration.ofSeconds(240));
    }

    static void kill(Server server) throws InterruptedException {
        if (server != null && server.process().isAlive()) {
            server.process().destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful stop
            server.process().waitFor();
        }
    }

    @BeforeAll
    static void startTwoServersAndAReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        receiver.createContext("/count", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = EVENT_ID.matcher(body);
            if (m.find()) {
                counted.computeIfAbsent(m.group(1), id -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = flakyRecovered.get() ? 200 : 503;
            flakyStatuses.add(status);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        // one after the other: two Payara starts at once on two cores take longer than two in a row
        // (instances started together are safe: FirstStartLockTest)
        a = start("a");
        awaitReady(a);
        b = start("b");
        awaitReady(b);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        kill(a);
        kill(b);
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static JsonObject call(Server server, String method, String path, String json, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.api(path))).timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + KEY)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonObject delivery(JsonObject event, String subscriptionId) {
        return event.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("subscription_id").equals(subscriptionId)).findFirst().orElseThrow();
    }

    static String webhook(Server server, String label, String path, String eventType) throws Exception {
        return call(server, "POST", "webhooks", "{\"label\": \"" + label + "\", \"url\": \"http://127.0.0.1:"
            + receiver.getAddress().getPort() + path + "\", \"events\": [\"" + eventType + "\"], "
            + "\"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}", 201).getString("id");
    }

    @Test
    @Order(1)
    void twoEnginesOnOneDatabaseDeliverEveryEventExactlyOnce() throws Exception {
        String hook = webhook(a, "Counted", "/count", "product.inventory.adjusted");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Server via = i % 2 == 0 ? a : b; // published through both servers
            ids.add(call(via, "POST", "events", "{\"event_type\": \"product.inventory.adjusted\", \"object\": {\"sku\": \"S-" + i + "\"}}", 202)
                .getString("event_id"));
        }
        Eventually.holds(Duration.ofSeconds(60), () -> counted.keySet().containsAll(ids));
        // every delivery recorded as done: no engine has one left to send, so a second one would have arrived by now
        Eventually.holds(Duration.ofSeconds(20), () -> call(a, "GET", "events?subscription=" + hook + "&status=PENDING&limit=1",
            null, 200).getJsonArray("items").isEmpty());
        assertTrue(counted.keySet().containsAll(ids), "delivered " + counted.size() + " of " + ids.size());
        List<String> twice = ids.stream().filter(id -> counted.get(id).get() != 1).toList();
        assertEquals(List.of(), twice, "events delivered more than once");
        call(a, "DELETE", "webhooks/" + hook, null, 204);
    }

    @Test
    @Order(2)
    void aServerKilledInTheMiddleOfRetriesResumesAfterItsRestart() throws Exception {
        String hook = webhook(a, "Flaky", "/flaky", "product.inventory.ordered");
        String eventId = call(a, "POST", "events", "{\"event_type\": \"product.inventory.ordered\", \"object\": {\"sku\": \"R-1\"}}", 202)
            .getString("event_id");
        Eventually.holds(Duration.ofSeconds(20), () -> !flakyStatuses.isEmpty());
        assertEquals(List.of(503), List.copyOf(flakyStatuses), "the first attempt fails");
        // the failed attempt is recorded before the servers die; the retry is ~2 s away
        Eventually.holds(Duration.ofSeconds(5), () -> !delivery(call(a, "GET", "events/" + eventId, null, 200), hook)
            .getJsonArray("attempt_log").isEmpty());

        kill(a);
        kill(b);
        int attemptsBeforeKill = flakyStatuses.size();
        flakyRecovered.set(true);
        a = start("a-restarted");
        awaitReady(a);

        JsonObject event = Eventually.poll(Duration.ofSeconds(30), () -> call(a, "GET", "events/" + eventId, null, 200),
            e -> delivery(e, hook).getString("status").equals("SUCCEEDED"));
        JsonObject delivery = delivery(event, hook);
        String status = delivery.getString("status");
        assertEquals("SUCCEEDED", status, String.valueOf(event));
        JsonArray attempts = delivery.getJsonArray("attempt_log");
        assertEquals(attemptsBeforeKill + 1, attempts.size(), attempts.toString());
        for (int i = 0; i < attemptsBeforeKill; i++) {
            assertEquals(503, attempts.getJsonObject(i).getInt("http_status"), attempts.toString());
        }
        assertEquals(200, attempts.getJsonObject(attempts.size() - 1).getInt("http_status"), attempts.toString());
        assertEquals(200, flakyStatuses.get(flakyStatuses.size() - 1));
        assertEquals(attemptsBeforeKill + 1, flakyStatuses.size(), "delivered once after the restart: " + flakyStatuses);
        call(a, "DELETE", "webhooks/" + hook, null, 204);
    }
}
