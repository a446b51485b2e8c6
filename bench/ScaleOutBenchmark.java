import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale-out benchmark: one Payhooks instance, then two, on one PostgreSQL
 * database, each on its own port with the same {@code PAYHOOKS_MASTER_KEY} (so each opens the
 * secrets the other sealed) and the same API key.
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run ScaleOutBenchmark [ingest-seconds=10] [ingest-clients=16] [events=600] [webhooks=10] [publishers=8]
 *
 * On a fresh database {@code payhooks_scale}, with instance A alone and then with A and B:
 *
 * (a) ingest: closed-loop Adyen clients ({@link IngestBenchmark#run}) for the given seconds, all
 *     on A, then split evenly over A and B (client c on instance c mod 2); notifications/s, ack
 *     latency, and the CPU of all instances together;
 * (b) delivery: {@code events} events to {@code webhooks} webhooks are published with the
 *     outbox held ({@link Bench#holdDeliveries}), then released at once and drained by A's
 *     engine alone, then (a new batch) by both engines. The receiver counts every (event,
 *     webhook) it gets more than once: duplicates must be 0. What each engine did: the
 *     {@code payhooks_delivery_attempts_total{outcome="success"}} counter of each instance's
 *     {@code /metrics} (before and after the drain), and a sampler that reads, every 500 ms,
 *     which engine holds claims ({@code claimed_by}, the worker id each engine logs at start)
 *     on pending rows.
 *
 * Each measured drain follows a warm-up drain of the same size on the same engines (the JIT).
 * Then B is stopped and A alone is measured again (ingest and drain), so a change in the
 * machine's background load between the phases shows as a difference between the two
 * one-instance figures; the summary compares two instances with their mean.
 * Only JDK classes; shares start-up with {@link Bench}, ingest with {@link IngestBenchmark} and
 * the receiver, publishing and drain rounds with {@link DeliveryBenchmark}.
 */
public class ScaleOutBenchmark {

    static final Pattern ENGINE = Pattern.compile("Delivery engine (payhooks-[0-9a-f]{8}) started");
    static final Pattern SUCCESSES = Pattern.compile("^payhooks_delivery_attempts_total\\{[^}]*outcome=\"success\"[^}]*} ([0-9.E]+)$",
        Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int events = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int webhooks = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int publishers = args.length > 4 ? Integer.parseInt(args[4]) : 8;

        String database = "payhooks_scale";
        String dbUrl = Bench.freshPostgres(database);
        HttpClient http = Bench.client();
        DeliveryBenchmark.Receiver receiver = new DeliveryBenchmark.Receiver();
        List<Bench.Server> servers = new ArrayList<>();
        try {
            // A alone: it migrates the empty database and creates the default merchant
            servers.add(start(http, dbUrl, "A"));
            Bench.Server a = servers.get(0);
            IngestBenchmark.Target target = IngestBenchmark.adyen(http, a, 1);
            for (int w = 0; w < webhooks; w++) {
                DeliveryBenchmark.createWebhook(http, a.base(), "bench " + w, receiver.url(w), List.of(DeliveryBenchmark.EVENT_TYPE), null);
            }
            System.out.printf("%d clients for %d s per ingest level; %d events x %d webhooks = %d deliveries per drain, %d publishers%n",
                clients, seconds, events, webhooks, events * webhooks, publishers);

            IngestBenchmark.run(List.of(a), target, 8, IngestBenchmark.WARM_UP_SECONDS, "warm-up");
            double ingestOne = IngestBenchmark.run(List.of(a), target, clients, seconds, "1 inst")[0];
            Result drainOne = drain(http, servers, database, receiver, events, webhooks, publishers);

            servers.add(start(http, dbUrl, "B"));
            IngestBenchmark.run(servers, target, 8, IngestBenchmark.WARM_UP_SECONDS, "warm-up");
            double ingestTwo = IngestBenchmark.run(servers, target, clients, seconds, "2 inst")[0];
            Result drainTwo = drain(http, servers, database, receiver, events, webhooks, publishers);

            // A alone again: the machine's background load may have changed meanwhile
            servers.remove(1).stop();
            System.out.println("instance B stopped; A alone again");
            double ingestOneAgain = IngestBenchmark.run(List.of(a), target, clients, seconds, "1 inst")[0];
            Result drainOneAgain = drain(http, servers, database, receiver, events, webhooks, publishers);

            double ingestOneMean = (ingestOne + ingestOneAgain) / 2;
            double drainOneMean = (drainOne.rate() + drainOneAgain.rate()) / 2;
            System.out.printf("summary: ingest %.0f (one instance; %.0f before, %.0f after) -> %.0f notifications/s with two (x%.2f); "
                    + "delivery drain %.0f (one engine; %.0f before, %.0f after) -> %.0f deliveries/s with two (x%.2f); "
                    + "duplicates %d, %d (one engine) and %d (two engines); successful attempts per instance with two %s%n",
                ingestOneMean, ingestOne, ingestOneAgain, ingestTwo, ingestTwo / ingestOneMean, drainOneMean, drainOne.rate(),
                drainOneAgain.rate(), drainTwo.rate(), drainTwo.rate() / drainOneMean, drainOne.duplicates(), drainOneAgain.duplicates(),
                drainTwo.duplicates(), drainTwo.byEngine());
        } finally {
            for (Bench.Server server : servers) {
                server.stop();
            }
            receiver.stop();
        }
        System.exit(0);
    }

    record Result(double rate, int duplicates, Map<String, Long> byEngine) { }

    static Bench.Server start(HttpClient http, String dbUrl, String name) throws Exception {
        Path work = Files.createTempDirectory("payhooks-scale-" + name);
        long startedAt = System.nanoTime();
        Bench.Server server = Bench.start(work, Bench.freePort(), Map.of("PAYHOOKS_DB_URL", dbUrl));
        double ready = Bench.awaitReady(http, server, startedAt);
        System.out.printf("instance %s ready on port %d after %.1f s, engine %s, RSS %.0f MiB%n", name, server.port(), ready,
            engine(server), server.rssMiB());
        return server;
    }

    /** A warm-up drain and a measured one, with every engine of {@code servers}; publishers split over them. */
    static Result drain(HttpClient http, List<Bench.Server> servers, String database, DeliveryBenchmark.Receiver receiver,
                        int events, int webhooks, int publishers) throws Exception {
        String label = servers.size() + (servers.size() == 1 ? " engine" : " engines");
        DeliveryBenchmark.round(http, servers, database, receiver, events, webhooks, publishers, "warm-up, " + label);
        // the receiver has every delivery before each engine has recorded (and counted) the last successes
        Thread.sleep(2000);
        int duplicatesBefore = receiver.duplicates.get();
        List<Double> successesBefore = new ArrayList<>();
        for (Bench.Server server : servers) {
            successesBefore.add(successes(http, server));
        }
        ClaimSampler sampler = new ClaimSampler(database);
        sampler.start();
        DeliveryBenchmark.Round round;
        try {
            round = DeliveryBenchmark.round(http, servers, database, receiver, events, webhooks, publishers, label);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        Thread.sleep(2000);
        int duplicates = receiver.duplicates.get() - duplicatesBefore;

        Map<String, Long> byEngine = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            Bench.Server server = servers.get(i);
            String engine = engine(server);
            long succeeded = Math.round(successes(http, server) - successesBefore.get(i));
            byEngine.put(String.valueOf((char) ('A' + i)), succeeded);
            line.append(String.format("%s%s (%s): %d successful attempts (its /metrics), holding claims in %d of %d samples, at most %d rows",
                i == 0 ? "" : "; ", (char) ('A' + i), engine, succeeded, sampler.samplesWith.getOrDefault(engine, 0),
                sampler.samples, sampler.peak.getOrDefault(engine, 0L)));
        }
        System.out.printf("%s: duplicates %d (receptions of an (event, webhook) beyond the first); per instance: %s%n", label,
            duplicates, line);
        return new Result(round.rate(), duplicates, byEngine);
    }

    /** The engine's worker id, from the line it logs at start. */
    static String engine(Bench.Server server) throws Exception {
        Matcher m = ENGINE.matcher(Files.readString(server.work().resolve("server.log")));
        return m.find() ? m.group(1) : "?";
    }

    /**
     * Samples, every 500 ms during a drain, which engines hold claims ({@code claimed_by} on
     * pending rows; recording an outcome clears it, so the rows keep no trace of the sender).
     */
    static final class ClaimSampler extends Thread {
        final String database;
        final Map<String, Integer> samplesWith = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Long> peak = new java.util.concurrent.ConcurrentHashMap<>();
        volatile int samples;

        ClaimSampler(String database) {
            super("claim-sampler");
            this.database = database;
        }

        @Override
        public void run() {
            try {
                while (!isInterrupted()) {
                    String out = Bench.psql(database, "SELECT claimed_by, count(*) FROM delivery WHERE claimed_by IS NOT NULL "
                        + "AND status = 'PENDING' GROUP BY 1");
                    samples++;
                    for (String row : out.split("\n")) {
                        if (!row.isBlank()) {
                            String[] parts = row.split("\\|");
                            samplesWith.merge(parts[0], 1, Integer::sum);
                            peak.merge(parts[0], Long.parseLong(parts[1]), Math::max);
                        }
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException stopped) {
                // the drain is over
            } catch (Exception e) {
                System.err.println("claim sampler: " + e.getMessage());
            }
        }
    }

    /** This instance's successful attempts so far ({@code /metrics}, application scope); 0 before the first. */
    static double successes(HttpClient http, Bench.Server server) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/metrics")).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + Bench.METRICS_TOKEN).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = SUCCESSES.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
