/*
 * Delivery benchmark: deliveries per second from a running Payhooks server to a receiver on
 * loopback, and publish-to-first-attempt latency.
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run DeliveryBenchmark [events=2000] [publishers=8] [db-url|h2] [mixed|drain] [webhooks=1]
 *   BENCH_JAVA_OPTS='-Dbench.jvm=-XX:StartFlightRecording=filename=/tmp/s.jfr' bench/run DeliveryBenchmark …   (server JVM options)
 *
 * It starts app/target/payhooks.jar on a free port with a fresh H2 database (or the given
 * PostgreSQL URL, which should point at an empty database), creates one webhook to a receiver
 * in this JVM, publishes the events through the publish API from several threads, and waits
 * until the receiver has every event.
 *
 * mixed (default): publishing and delivering at the same time; reports the publish rate, the
 * end-to-end delivery rate and publish-to-first-attempt latency.
 * drain: the events are published with the delivery engine off, the server is restarted with
 * it on, and the time from "ready" to the last arrival gives the engine's own delivery rate.
 *
 * With several webhooks (all listening to the event type) every event is delivered to each of
 * them: events × webhooks deliveries, spread over that many endpoints.
 *
 * Only JDK classes; shares server start-up and percentiles with {@code Bench}.
 */

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DeliveryBenchmark {

    static final String KEY = Bench.KEY;
    static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([0-9a-f]{64})\"");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int publishers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String dbUrl = args.length > 2 && !args[2].equals("h2") ? args[2] : null;
        boolean drain = args.length > 3 && args[3].equals("drain");
        int webhooks = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int deliveries = events * webhooks;

        Path work = Files.createTempDirectory("payhooks-bench");
        int port = Bench.freePort();
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        Map<String, Long> firstAttemptAt = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(deliveries);

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            Matcher m = EVENT_ID.matcher(body);
            if (m.find() && firstAttemptAt.putIfAbsent(m.group(1) + exchange.getRequestURI().getPath(), now) == null) {
                allArrived.countDown();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        Bench.Server server = start(work, port, dbUrl, !drain);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = server.base();
            System.out.printf("server ready after %.1f s%n", Bench.awaitReady(http, server, System.nanoTime()));
            System.out.printf("database %s, mode %s%n", dbUrl == null ? "H2" : "PostgreSQL", drain ? "drain" : "mixed");

            for (int w = 0; w < webhooks; w++) {
                String webhook = "{\"label\": \"bench " + w + "\", \"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + w
                    + "\", \"events\": [\"transaction.sale.success\"], \"authentication\": {\"type\": \"NONE\"}, "
                    + "\"signature\": {\"type\": \"SIGNATURE_KEY\"}}";
                HttpResponse<String> created = post(http, base + "/api/v1/webhooks", webhook);
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("webhook not created: " + created.body());
                }
            }

            String event = "{\"event_type\": \"transaction.sale.success\", \"object\": {\"type\": \"transaction\", "
                + "\"key\": \"1nftvzx7xtcggm3\", \"amount_detail\": {\"amount\": \"5.00\"}, \"authcode\": \"538228\"}}";
            ExecutorService pool = Executors.newFixedThreadPool(publishers);
            AtomicInteger next = new AtomicInteger();
            long publishStart = System.nanoTime();
            for (int p = 0; p < publishers; p++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < events) {
                        long before = System.nanoTime();
                        HttpResponse<String> published = post(http, base + "/api/v1/events", event);
                        Matcher m = EVENT_ID.matcher(published.body().replace(" ", ""));
                        if (published.statusCode() == 202 && m.find()) {
                            publishedAt.put(m.group(1), before);
                        } else {
                            System.err.println("publish failed: " + published.statusCode() + " " + published.body());
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            long publishEnd = System.nanoTime();
            double publishSeconds = (publishEnd - publishStart) / 1e9;
            if (drain) {
                // the outbox holds every event now; restart with the engine on and time the drain
                server.stop();
                server = start(work, port, dbUrl, true);
                System.out.printf("server ready after %.1f s%n", Bench.awaitReady(http, server, System.nanoTime()));
                publishStart = System.nanoTime();
            }
            boolean complete = allArrived.await(10, TimeUnit.MINUTES);
            long deliveredEnd = System.nanoTime();

            List<Long> latencies = new ArrayList<>();
            firstAttemptAt.forEach((delivery, arrived) -> {
                Long at = publishedAt.get(delivery.substring(0, 64));
                if (at != null) {
                    latencies.add(arrived - at);
                }
            });
            Collections.sort(latencies);
            double totalSeconds = (deliveredEnd - publishStart) / 1e9;
            System.out.printf("events %d, webhooks %d, deliveries %d, publishers %d, complete %s%n", events, webhooks, deliveries,
                publishers, complete);
            System.out.printf("publish: %.0f events/s (%.2f s)%s%n", events / publishSeconds, publishSeconds,
                drain ? ", with the delivery engine off" : "");
            System.out.printf("delivery: %.0f deliveries/s end to end (%.2f s from first publish to last arrival), %d requests received%n",
                firstAttemptAt.size() / totalSeconds, totalSeconds, requests.get());
            if (drain) {
                System.out.printf("drain: %.0f deliveries/s (%d deliveries from a full outbox in %.2f s after the restart)%n",
                    firstAttemptAt.size() / totalSeconds, firstAttemptAt.size(), totalSeconds);
            } else {
                System.out.printf("publish-to-first-attempt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    Bench.pct(latencies, 0.50), Bench.pct(latencies, 0.99), Bench.pct(latencies, 1.0));
            }
        } finally {
            server.stop();
            receiver.stop(0);
            System.exit(0);
        }
    }

    static Bench.Server start(Path work, int port, String dbUrl, boolean deliver) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PAYHOOKS_DELIVERY_ENABLED", String.valueOf(deliver)));
        if (dbUrl != null) {
            env.put("PAYHOOKS_DB_URL", dbUrl);
        }
        return Bench.start(work, port, env);
    }

    static HttpResponse<String> post(HttpClient http, String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
