/*
 * Delivery benchmark: deliveries per second from a running Payhooks server to a receiver on
 * loopback, and publish-to-first-attempt latency.
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run DeliveryBenchmark [events=2000] [publishers=8] [db-url|h2] [mixed|drain] [webhooks=1] [dead[=timeout-s] [dead-endpoints=1]]
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
 * it on, and the time from the first to the last arrival gives the engine's own delivery rate
 * (the engine starts before /health/ready answers, so "ready" is not the start of the drain).
 *
 * With several webhooks (all listening to the event type) every event is delivered to each of
 * them: events × webhooks deliveries, spread over that many endpoints.
 *
 * drain with a sixth argument {@code dead} or {@code dead=<timeout seconds>} and an optional
 * seventh, the number of dead endpoints (default 1) (PostgreSQL only): the healthy drain rate
 * without and with the dead endpoint(s), in one server. One more webhook on
 * the same event points at a receiver that accepts the connection and never answers, so the
 * hub's delivery timeout (the webhook's timeoutSeconds, default here 1 s, the minimum; 15 s is
 * the contract's default) expires on every attempt. The server runs with the engine on; each
 * round holds the outbox ({@code Bench.holdDeliveries}), publishes the events, releases them all
 * at once and times the healthy deliveries: a warm-up round (as many events), the round
 * without the dead webhook, then the dead webhook is added and the round with it. With several,
 * each is one more such webhook (all on the same never-answering receiver).
 *
 *   bench/run DeliveryBenchmark 600 8 'jdbc:postgresql://127.0.0.1:5432/b_dead?user=postgres' drain 10 dead=1
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
        if (args.length > 5 && args[5].startsWith("dead")) {
            if (!drain || dbUrl == null) {
                throw new IllegalArgumentException("the dead endpoint option needs drain mode on PostgreSQL");
            }
            int timeout = args[5].contains("=") ? Integer.parseInt(args[5].substring(args[5].indexOf('=') + 1)) : 1;
            int deadEndpoints = args.length > 6 ? Integer.parseInt(args[6]) : 1;
            deadEndpoint(events, publishers, dbUrl, webhooks, timeout, deadEndpoints);
            return;
        }
        int deliveries = events * webhooks;

        Path work = Files.createTempDirectory("payhooks-bench");
        int port = Bench.freePort();
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Receiver receiver = new Receiver();
        receiver.expect(deliveries);
        Map<String, Long> firstAttemptAt = receiver.firstAt;
        AtomicInteger requests = receiver.requests;
        java.util.concurrent.atomic.AtomicLong cpuAtFirstArrival = new java.util.concurrent.atomic.AtomicLong();

        Bench.Server server = start(work, port, dbUrl, !drain);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = server.base();
            System.out.printf("server ready after %.1f s%n", Bench.awaitReady(http, server, System.nanoTime()));
            System.out.printf("database %s, mode %s%n", dbUrl == null ? "H2" : "PostgreSQL", drain ? "drain" : "mixed");

            for (int w = 0; w < webhooks; w++) {
                createWebhook(http, base, "bench " + w, receiver.url(w), List.of(EVENT_TYPE), null);
            }

            long publishStart = System.nanoTime();
            double publishSeconds = publish(http, List.of(base), events, publishers, EVENT_TYPE, publishedAt, answeredAt);
            long readyAt = 0;
            if (drain) {
                // the outbox holds every event now; restart with the engine on and time the drain
                server.stop();
                server = start(work, port, dbUrl, true);
                long pid = server.pid();
                receiver.onFirstArrival = () -> cpuAtFirstArrival.set(Bench.cpuTicks(pid));
                System.out.printf("server ready after %.1f s%n", Bench.awaitReady(http, server, System.nanoTime()));
                publishStart = System.nanoTime();
                readyAt = publishStart;
            }
            boolean complete = receiver.await();
            long deliveredEnd = System.nanoTime();
            long cpuAtEnd = Bench.cpuTicks(server.pid());

            List<Long> latencies = new ArrayList<>();
            List<Long> afterAnswer = new ArrayList<>();
            firstAttemptAt.forEach((delivery, arrived) -> {
                Long at = publishedAt.get(delivery.substring(0, 64));
                if (at != null) {
                    latencies.add(arrived - at);
                    afterAnswer.add(arrived - answeredAt.get(delivery.substring(0, 64)));
                }
            });
            Collections.sort(latencies);
            Collections.sort(afterAnswer);
            List<Long> publishLatencies = new ArrayList<>();
            publishedAt.forEach((event, sent) -> publishLatencies.add(answeredAt.get(event) - sent));
            Collections.sort(publishLatencies);
            double totalSeconds = (deliveredEnd - publishStart) / 1e9;
            System.out.printf("events %d, webhooks %d, deliveries %d, publishers %d, complete %s%n", events, webhooks, deliveries,
                publishers, complete);
            System.out.printf("publish: %.0f events/s (%.2f s)%s%n", events / publishSeconds, publishSeconds,
                drain ? ", with the delivery engine off" : "");
            System.out.printf("delivery: %.0f deliveries/s end to end (%.2f s from first publish to last arrival), %d requests received%n",
                firstAttemptAt.size() / totalSeconds, totalSeconds, requests.get());
            if (drain) {
                // the engine starts before /health/ready answers 200: time the drain from its first arrival, not from "ready"
                long first = firstAttemptAt.values().stream().mapToLong(Long::longValue).min().orElse(deliveredEnd);
                long ready = readyAt;
                long beforeReady = firstAttemptAt.values().stream().filter(at -> at < ready).count();
                double drainSeconds = (receiver.lastAt.get() - first) / 1e9;
                System.out.printf("drain: %.0f deliveries/s (%d deliveries from a full outbox, first to last arrival in %.2f s; "
                        + "%d arrived before the restarted server reported ready)%n",
                    firstAttemptAt.size() / drainSeconds, firstAttemptAt.size(), drainSeconds, beforeReady);
                double cpuSeconds = (cpuAtEnd - cpuAtFirstArrival.get()) / 100.0;
                System.out.printf("drain CPU: server %.2f cores, %.2f ms per delivery (from the first arrival to the last)%n",
                    cpuSeconds / drainSeconds, cpuSeconds * 1000 / firstAttemptAt.size());
            } else {
                System.out.printf("publish-to-first-attempt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    Bench.pct(latencies, 0.50), Bench.pct(latencies, 0.99), Bench.pct(latencies, 1.0));
                // the parts: the publish request itself, and from its answer (the event committed) to the arrival
                System.out.printf("  publish request: p50 %.1f ms, p99 %.1f ms, max %.1f ms; its answer to the first arrival: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (negative: the attempt arrived before the answer)%n",
                    Bench.pct(publishLatencies, 0.50), Bench.pct(publishLatencies, 0.99), Bench.pct(publishLatencies, 1.0),
                    Bench.pct(afterAnswer, 0.50), Bench.pct(afterAnswer, 0.99), Bench.pct(afterAnswer, 1.0));
                if (dbUrl != null) {
                    // the server's own clock: the event's creation (in the publish transaction) to the first attempt's start
                    System.out.printf("  server: event created to first attempt started p50 / p99 / max (ms): %s; "
                            + "first attempts that failed: %s%n",
                        Bench.psql(Bench.databaseOf(dbUrl), "SELECT string_agg(round(v::numeric, 1)::text, ' / ') FROM unnest(("
                            + "SELECT percentile_cont(ARRAY[0.5, 0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - "
                            + "d.created_at) * 1000) FROM delivery d JOIN delivery_attempt a ON a.delivery_id = d.id "
                            + "AND a.attempt_number = 1)) v"),
                        Bench.psql(Bench.databaseOf(dbUrl), "SELECT count(*) FROM delivery_attempt WHERE attempt_number = 1 "
                            + "AND success = false"));
                }
            }
        } finally {
            server.stop();
            receiver.stop();
            System.exit(0);
        }
    }

    static final String EVENT_TYPE = "transaction.sale.success";

    /**
     * The dead endpoint measurement: one server (engine on) with {@code webhooks} healthy webhooks;
     * healthy deliveries/s of a full outbox without, then with, one more webhook whose receiver
     * never answers.
     */
    static void deadEndpoint(int events, int publishers, String dbUrl, int webhooks, int timeoutSeconds, int deadEndpoints)
        throws Exception {
        String database = Bench.databaseOf(dbUrl);
        Path work = Files.createTempDirectory("payhooks-bench");
        Receiver receiver = new Receiver();
        DeadReceiver dead = new DeadReceiver();
        Bench.Server server = start(work, Bench.freePort(), dbUrl, true);
        try {
            HttpClient http = Bench.client();
            System.out.printf("server ready after %.1f s; PostgreSQL, drain of a released outbox, %d healthy webhooks, "
                    + "%d dead endpoint(s) with timeout %d s%n", Bench.awaitReady(http, server, System.nanoTime()), webhooks,
                deadEndpoints, timeoutSeconds);
            for (int w = 0; w < webhooks; w++) {
                createWebhook(http, server.base(), "bench " + w, receiver.url(w), List.of(EVENT_TYPE), null);
            }
            List<Bench.Server> servers = List.of(server);
            Round warmUp = round(http, servers, database, receiver, events, webhooks, publishers, "warm-up");
            Round without = round(http, servers, database, receiver, events, webhooks, publishers, "without dead endpoint");
            List<String> deadIds = new ArrayList<>();
            for (int d = 0; d < deadEndpoints; d++) {
                deadIds.add(Bench.field(createWebhook(http, server.base(), "dead " + d, "http://127.0.0.1:" + dead.port() + "/hook/" + d,
                    List.of(EVENT_TYPE), timeoutSeconds), "id"));
            }
            int acceptedBefore = dead.accepted.get();
            Round with = round(http, servers, database, receiver, events, webhooks, publishers, "with dead endpoint");
            int deadAttempts = dead.accepted.get() - acceptedBefore;
            System.out.printf("dead endpoint(s): %d connections accepted (attempts started) during the round, %d held open now; "
                    + "their attempts recorded so far: %s%n", deadAttempts, dead.open(),
                Bench.psql(database, "SELECT coalesce(string_agg(e || ' ' || n, ', '), 'none') FROM (SELECT coalesce(a.error_class, "
                    + "a.http_status::text) e, count(*) n FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id "
                    + "WHERE d.subscription_id IN ('" + String.join("', '", deadIds) + "') GROUP BY 1) x"));
            System.out.printf("healthy drain: %.0f deliveries/s without, %.0f deliveries/s with %d dead endpoint(s): %+.1f %% "
                    + "(warm-up round %.0f /s); duplicates %d%n", without.rate(), with.rate(), deadEndpoints,
                (with.rate() / without.rate() - 1) * 100, warmUp.rate(), receiver.duplicates.get());
        } finally {
            server.stop();
            receiver.stop();
            dead.close();
            System.exit(0);
        }
    }

    /** One drain: how many healthy deliveries, in how many seconds from the release to the last arrival. */
    record Round(int deliveries, double seconds, boolean complete) {
        double rate() {
            return deliveries / seconds;
        }
    }

    /**
     * Holds the outbox, publishes {@code events} through the given instances (publishers split
     * over them), releases every held delivery at once and waits until the receiver has the
     * {@code events × webhooks} healthy deliveries. Prints one line.
     */
    static Round round(HttpClient http, List<Bench.Server> servers, String database, Receiver receiver, int events, int webhooks,
                       int publishers, String label) throws Exception {
        List<String> bases = servers.stream().map(Bench.Server::base).toList();
        Bench.holdDeliveries(database);
        int expected = events * webhooks;
        receiver.expect(expected);
        double publishSeconds = publish(http, bases, events, publishers, EVENT_TYPE, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        long cpuBefore = servers.stream().mapToLong(s -> Bench.cpuTicks(s.pid())).sum();
        long released = System.nanoTime();
        int held = Bench.releaseDeliveries(database);
        boolean complete = receiver.await();
        double seconds = (receiver.lastAt.get() - released) / 1e9;
        double cpuSeconds = (servers.stream().mapToLong(s -> Bench.cpuTicks(s.pid())).sum() - cpuBefore) / 100.0;
        Round round = new Round(receiver.arrivedInRound(), seconds, complete);
        System.out.printf("%-22s: %d events published in %.1f s (%.0f /s), %d deliveries released; %d healthy deliveries in %.2f s "
                + "= %.0f deliveries/s%s; server CPU %.2f cores, %.2f ms per healthy delivery%n", label, events, publishSeconds,
            events / publishSeconds, held, round.deliveries(), seconds, round.rate(), complete ? "" : " (INCOMPLETE)",
            cpuSeconds / seconds, cpuSeconds * 1000 / round.deliveries());
        return round;
    }

    /** Creates a webhook (Signature Key, no authentication); returns the API's answer. */
    static String createWebhook(HttpClient http, String base, String label, String url, List<String> eventTypes, Integer timeoutSeconds) {
        String webhook = "{\"label\": \"" + label + "\", \"url\": \"" + url + "\", \"events\": [\"" + String.join("\", \"", eventTypes)
            + "\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"SIGNATURE_KEY\"}"
            + (timeoutSeconds == null ? "" : ", \"timeoutSeconds\": " + timeoutSeconds) + "}";
        HttpResponse<String> created = post(http, base + "/api/v1/webhooks", webhook);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("webhook not created: " + created.body());
        }
        return created.body();
    }

    /**
     * Publishes {@code events} events of one type from {@code publishers} threads, publisher
     * {@code p} on instance {@code bases[p % n]}; records each event's id and send time in
     * {@code publishedAt} and when its answer came in {@code answeredAt}; returns the seconds it took.
     */
    static double publish(HttpClient http, List<String> bases, int events, int publishers, String eventType,
                          Map<String, Long> publishedAt, Map<String, Long> answeredAt) throws InterruptedException {
        String event = "{\"event_type\": \"" + eventType + "\", \"object\": {\"type\": \"transaction\", "
            + "\"key\": \"1nftvzx7xtcggm3\", \"amount_detail\": {\"amount\": \"5.00\"}, \"authcode\": \"538228\"}}";
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        for (int p = 0; p < publishers; p++) {
            String base = bases.get(p % bases.size());
            pool.submit(() -> {
                while (next.getAndIncrement() < events) {
                    long before = System.nanoTime();
                    HttpResponse<String> published = post(http, base + "/api/v1/events", event);
                    long answered = System.nanoTime();
                    Matcher m = EVENT_ID.matcher(published.body().replace(" ", ""));
                    if (published.statusCode() == 202 && m.find()) {
                        answeredAt.put(m.group(1), answered);
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
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The webhook receiver on loopback ({@code /hook/<n>}, answers 204 at once). A delivery is an
     * (event id, path) pair: the first reception counts, every further one is a duplicate.
     */
    static final class Receiver {
        final HttpServer server;
        final Map<String, Long> firstAt = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong lastAt = new java.util.concurrent.atomic.AtomicLong();
        private volatile CountDownLatch expected = new CountDownLatch(0);
        private final java.util.concurrent.atomic.AtomicBoolean firstArrival = new java.util.concurrent.atomic.AtomicBoolean();
        /** Runs once, at the first delivery received (drain mode: the server's CPU counter is read then). */
        volatile Runnable onFirstArrival;
        private volatile int roundStart;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/hook", exchange -> {
                long now = System.nanoTime();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                Matcher m = EVENT_ID.matcher(body);
                if (m.find()) {
                    if (firstAt.putIfAbsent(m.group(1) + exchange.getRequestURI().getPath(), now) == null) {
                        if (firstArrival.compareAndSet(false, true) && onFirstArrival != null) {
                            onFirstArrival.run();
                        }
                        lastAt.accumulateAndGet(now, Math::max);
                        expected.countDown();
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url(int webhook) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + webhook;
        }

        /** Starts a round: {@link #await} returns once this many new deliveries have arrived. */
        void expect(int deliveries) {
            roundStart = firstAt.size();
            expected = new CountDownLatch(deliveries);
        }

        boolean await() throws InterruptedException {
            return expected.await(10, TimeUnit.MINUTES);
        }

        int arrivedInRound() {
            return firstAt.size() - roundStart;
        }

        void stop() {
            server.stop(0);
        }
    }

    /** A dead endpoint: accepts every connection and never answers (the sockets stay open until close). */
    static final class DeadReceiver {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 512, java.net.InetAddress.getLoopbackAddress());
        private final List<java.net.Socket> held = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger accepted = new AtomicInteger();

        DeadReceiver() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "dead-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Connections still open from our side and not closed by the hub (its timeout closes them). */
        int open() {
            synchronized (held) {
                held.removeIf(s -> {
                    try {
                        s.setSoTimeout(1);
                        return s.getInputStream().read(new byte[8192]) < 0 || drained(s);
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        return false;
                    } catch (IOException gone) {
                        return true;
                    }
                });
                return held.size();
            }
        }

        private static boolean drained(java.net.Socket s) throws IOException {
            // read what the hub sent until it blocks (still open) or ends (closed by the hub)
            byte[] buffer = new byte[8192];
            while (true) {
                if (s.getInputStream().read(buffer) < 0) {
                    return true;
                }
            }
        }

        void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
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
