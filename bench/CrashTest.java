/*
 * Crash test: kill -9 the server while it ingests Adyen notifications and delivers webhooks,
 * restart it on the same database, and check that nothing acknowledged was lost.
 *
 *   ./mvnw -B -o -q install -DskipTests      (builds app/target/payhooks.jar)
 *   bench/run CrashTest [runs=5] [adyen-threads=8] [publish-threads=2] [items-per-batch=5] [receiver-delay-ms=10]
 *       [load-seconds=20]
 *
 * -Dbench.jar=<jar> (in BENCH_JAVA_OPTS) starts that jar instead of app/target/payhooks.jar, so two
 * builds can be compared run by run; the server inherits the environment (PAYHOOKS_* settings).
 *
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and `psql` on the PATH. Per run it
 *
 *  1. creates a fresh database, starts app/target/payhooks.jar on a free port on it (loopback
 *     receivers allowed, compressed retry schedule), opens an Adyen channel (HMAC key, Basic
 *     auth) and one webhook (Signature Key) listening to every event type, pointed at a
 *     receiver in this JVM (which answers 200 after 0..receiver-delay-ms);
 *  2. runs load: adyen-threads post signed AUTHORISATION batches (unique pspReference and
 *     merchantReference per item), publish-threads publish product.inventory.adjusted events
 *     through POST /api/v1/events (unique Idempotency-Key each), and records which requests
 *     were answered 2xx;
 *  3. once every load thread has had a few answers (warm-up of the fresh server JVM; those
 *     requests count like the others), after a random load-seconds to load-seconds + 5 s (long
 *     enough for the JIT to bring the server to its real rate) kills the server with SIGKILL (Process.destroyForcibly; the exit
 *     status 137 is checked), notes what was in flight, restarts it on the same database and
 *     port, and waits until no notification awaits processing and no delivery is pending;
 *  4. checks, in the database and at the receiver: every acknowledged item stored once and
 *     applied once (one transaction, one authorization, one outbound event, status PROCESSED),
 *     every stored item applied, every acknowledged event (published, and the ones the applied
 *     notifications produced) and every event in the outbox received at least once, and every
 *     duplicate at the receiver one of the deliveries in flight at the kill;
 *  5. prints one line per run, a drain line per run (what was pending at the kill, how long the
 *     restarted server took to become ready, then to drain it) and a summary; exits 1 if anything
 *     was lost or wrong.
 *
 * "In flight at the kill" for deliveries: events the receiver had received before the kill
 * whose delivery row was still PENDING in the database right after it (read before the
 * restart, when nothing can change it) - exactly the deliveries a restarted engine must send
 * again because the success was never recorded.
 *
 * Only JDK classes: run it with `java`, no build needed.
 */

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class CrashTest {

    static final String KEY = "phk_crash00000000000000000000000000000000000";
    static final String HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";
    static final String ADYEN_USER = "crash-test";
    static final String ADYEN_PASSWORD = "crash-test-password";
    static final String MERCHANT_ACCOUNT = "Shop_ECOM";
    static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([0-9a-f]{64})\"");
    static final Pattern CATALOG_ENTRY = Pattern.compile("(?:merchant|hub)\\(\"([a-z0-9_.]+)\"");
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);
    /** How long a start may take (-Dcrash.ready-seconds; a machine busy with other work starts Payara slowly). */
    static final int READY_SECONDS = Integer.getInteger("crash.ready-seconds", 240);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int adyenThreads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int publishThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int itemsPerBatch = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int receiverDelayMs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int loadSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        selfCheckHmac();
        List<String> eventTypes = eventTypes();
        System.out.printf("crash test: %d runs, %d Adyen threads (%d items per batch), %d publish threads, receiver delay 0-%d ms, "
            + "%d event types subscribed, kill after %d-%d s of load%n", runs, adyenThreads, itemsPerBatch, publishThreads, receiverDelayMs,
            eventTypes.size(), loadSeconds, loadSeconds + 5);

        List<Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Result result = new Run(run, adyenThreads, publishThreads, itemsPerBatch, receiverDelayMs, loadSeconds, eventTypes).execute();
            results.add(result);
            System.out.println(result.line());
            System.out.println(result.drainLine());
        }
        long lost = results.stream().mapToLong(Result::lostTotal).sum();
        long problems = results.stream().mapToLong(r -> r.problems().size()).sum();
        System.out.printf("summary: %d runs; notifications acked %d, stored %d, applied %d, lost %d; events acked %d "
                + "(published %d + from notifications %d), delivered %d, undelivered %d; duplicates %d, deliveries in flight at kill %d; "
                + "problems %d%n",
            results.size(), sum(results, Result::ackedItems), sum(results, Result::storedAcked), sum(results, Result::appliedAcked),
            sum(results, Result::lostItems), sum(results, r -> r.ackedPublished() + r.ackedTxEvents()),
            sum(results, Result::ackedPublished), sum(results, Result::ackedTxEvents), sum(results, Result::deliveredAcked),
            sum(results, Result::undelivered), sum(results, Result::duplicates), sum(results, Result::inFlightDeliveries), problems);
        System.out.printf("drain: notifications %.0f /s acknowledged under load (mean of the runs); after the restart ready in "
                + "%.1f-%.1f s, then drained in %.1f-%.1f s (pending at the kill: %d-%d notifications, %d-%d deliveries)%n",
            results.stream().mapToDouble(Result::notificationRate).average().orElse(0),
            results.stream().mapToDouble(Result::readySeconds).min().orElse(0), results.stream().mapToDouble(Result::readySeconds).max().orElse(0),
            results.stream().mapToDouble(Result::drainAfterReady).min().orElse(0), results.stream().mapToDouble(Result::drainAfterReady).max().orElse(0),
            results.stream().mapToLong(Result::unappliedAtKill).min().orElse(0), results.stream().mapToLong(Result::unappliedAtKill).max().orElse(0),
            results.stream().mapToLong(Result::pendingDeliveriesAtKill).min().orElse(0),
            results.stream().mapToLong(Result::pendingDeliveriesAtKill).max().orElse(0));
        results.forEach(r -> r.problems().forEach(p -> System.out.println("run " + r.run() + ": " + p)));
        System.exit(lost == 0 && problems == 0 ? 0 : 1);
    }

    static long sum(List<Result> results, java.util.function.ToLongFunction<Result> f) {
        return results.stream().mapToLong(f).sum();
    }

    record Result(int run, String load, double killAfterSeconds, int exitStatus, long ackedItems, long unansweredItems, long storedAcked,
                  long storedUnacked, long unappliedAtKill, long appliedAcked, long lostItems, long ackedPublished,
                  long unansweredPublishes, long ackedTxEvents, long deliveredAcked, long undelivered, long duplicates,
                  long inFlightDeliveries, long receiverOpenAtKill, double drainSeconds, double notificationRate, double readySeconds,
                  long pendingDeliveriesAtKill, List<String> problems) {

        /** From ready (the restarted server answers /health/ready) to nothing pending. */
        double drainAfterReady() {
            return drainSeconds - readySeconds;
        }

        String drainLine() {
            return String.format("run %d: drain: %.0f notifications/s acknowledged before the kill; pending at the kill %d notifications "
                    + "and %d deliveries; restarted server ready after %.1f s, drained %.1f s after ready (%.1f s after the restart)",
                run, notificationRate, unappliedAtKill, pendingDeliveriesAtKill, readySeconds, drainAfterReady(), drainSeconds);
        }

        long lostTotal() {
            return lostItems + undelivered;
        }

        String line() {
            return String.format("run %d: %s, kill (exit %d) | notifications: acked %d, stored %d, applied %d, lost %d "
                    + "(unanswered at kill %d, of them stored %d; awaiting processing at kill %d) | events: acked %d "
                    + "(published %d, from notifications %d; publishes unanswered at kill %d), delivered %d, undelivered %d, "
                    + "duplicates %d, in flight at kill %d (receiver mid-request %d) | drained %.1f s after restart%s",
                run, load, exitStatus, ackedItems, storedAcked, appliedAcked, lostItems, unansweredItems, storedUnacked,
                unappliedAtKill, ackedPublished + ackedTxEvents, ackedPublished, ackedTxEvents, unansweredPublishes, deliveredAcked,
                undelivered, duplicates, inFlightDeliveries, receiverOpenAtKill, drainSeconds,
                problems.isEmpty() ? " | OK" : " | " + problems.size() + " PROBLEM(S)");
        }
    }

    static final class Run {
        final int run;
        final int adyenThreads;
        final int publishThreads;
        final int itemsPerBatch;
        final int receiverDelayMs;
        final int loadSeconds;
        final List<String> eventTypes;
        final String database;
        final String dbUrl;
        final Path work;
        final int port;
        final String base;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

        // receiver
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        final AtomicInteger receiverOpen = new AtomicInteger();
        // load
        final AtomicBoolean stop = new AtomicBoolean();
        final Set<String> ackedPsp = ConcurrentHashMap.newKeySet();
        final Set<String> unansweredPsp = ConcurrentHashMap.newKeySet();
        final Set<String> ackedEvents = ConcurrentHashMap.newKeySet();
        final AtomicInteger unansweredPublishes = new AtomicInteger();
        final AtomicInteger answeredBatches = new AtomicInteger();
        final AtomicInteger answeredPublishes = new AtomicInteger();
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(int run, int adyenThreads, int publishThreads, int itemsPerBatch, int receiverDelayMs, int loadSeconds,
            List<String> eventTypes)
            throws IOException {
            this.run = run;
            this.adyenThreads = adyenThreads;
            this.publishThreads = publishThreads;
            this.itemsPerBatch = itemsPerBatch;
            this.receiverDelayMs = receiverDelayMs;
            this.loadSeconds = loadSeconds;
            this.eventTypes = eventTypes;
            this.database = "payhooks_crash_" + System.currentTimeMillis() + "_" + run;
            this.dbUrl = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
            this.work = Files.createTempDirectory("payhooks-crash");
            this.port = freePort();
            this.base = "http://127.0.0.1:" + port;
        }

        Result execute() throws Exception {
            psql("postgres", "create database " + database);
            // planner statistics as autovacuum would keep them: without them the payment lookups of
            // the restarted server's drain scan every payment of the merchant
            Bench.analyzeWhileRunning(database);
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            receiver.setExecutor(Executors.newFixedThreadPool(32));
            receiver.createContext("/hook", exchange -> {
                receiverOpen.incrementAndGet();
                try {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = EVENT_ID.matcher(body);
                    if (m.find()) {
                        received.computeIfAbsent(m.group(1), id -> new AtomicInteger()).incrementAndGet();
                    }
                    if (receiverDelayMs > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(receiverDelayMs + 1));
                    }
                    exchange.sendResponseHeaders(200, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                    receiverOpen.decrementAndGet();
                }
            });
            receiver.start();
            Process server = startServer();
            try {
                awaitReady(server);
                configure(receiver.getAddress().getPort());

                ExecutorService load = Executors.newFixedThreadPool(adyenThreads + publishThreads);
                for (int t = 0; t < adyenThreads; t++) {
                    int thread = t;
                    load.submit(() -> postNotifications(thread));
                }
                for (int t = 0; t < publishThreads; t++) {
                    load.submit(this::publishEvents);
                }
                // warm-up: a fresh JVM answers its first requests slowly; the kill clock starts once every
                // load thread has had a few answers (those count like all others)
                long warmUpStart = System.nanoTime();
                while ((answeredBatches.get() < 3 * adyenThreads || answeredPublishes.get() < 3 * publishThreads)
                    && System.nanoTime() - warmUpStart < TimeUnit.SECONDS.toNanos(120) && problems.isEmpty()) {
                    Thread.sleep(50);
                }
                double warmUp = (System.nanoTime() - warmUpStart) / 1e9;
                int batchesBefore = answeredBatches.get();
                int publishesBefore = answeredPublishes.get();
                double killAfter = loadSeconds + ThreadLocalRandom.current().nextDouble() * 5;
                Thread.sleep((long) (killAfter * 1000));
                double batchRate = (answeredBatches.get() - batchesBefore) / killAfter;
                double publishRate = (answeredPublishes.get() - publishesBefore) / killAfter;

                // the kill: load threads stop sending new requests; the ones on the wire stay unanswered
                stop.set(true);
                server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
                int exitStatus = server.waitFor();
                int receiverOpenAtKill = receiverOpen.get();
                if (exitStatus != 137) {
                    problems.add("the server's exit status after destroyForcibly was " + exitStatus + ", not 137 (SIGKILL)");
                }
                load.shutdown();
                if (!load.awaitTermination(60, TimeUnit.SECONDS)) {
                    problems.add("load threads did not finish after the kill");
                }
                Thread.sleep(1000); // anything the dead server had written to a socket has reached the receiver
                Map<String, Integer> receivedBeforeKill = snapshot();
                // nothing writes to the database now: what it says is the state at the kill
                Set<String> pendingAtKill = new HashSet<>(psql(database,
                    "select event_id from delivery where status = 'PENDING'"));
                long inFlightDeliveries = receivedBeforeKill.keySet().stream().filter(pendingAtKill::contains).count();
                long unappliedAtKill = Long.parseLong(psql(database,
                    "select count(*) from inbound_notification where status in ('RECEIVED', 'FAILED')").get(0));

                server = startServer();
                long restarted = System.nanoTime();
                awaitReady(server);
                double readySeconds = (System.nanoTime() - restarted) / 1e9;
                boolean drained = awaitDrained();
                double drainSeconds = (System.nanoTime() - restarted) / 1e9;
                if (!drained) {
                    problems.add("not drained within " + DRAIN_TIMEOUT.toSeconds() + " s after the restart");
                }
                Thread.sleep(1000); // a second delivery of anything would have arrived by now
                return verify(String.format("warm-up %.1f s, then %.1f batches/s + %.1f publishes/s for %.1f s", warmUp, batchRate,
                        publishRate, killAfter), killAfter, exitStatus, receiverOpenAtKill, receivedBeforeKill, pendingAtKill, inFlightDeliveries,
                    unappliedAtKill, drainSeconds, batchRate * itemsPerBatch, readySeconds);
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
                receiver.stop(0);
                ((ExecutorService) receiver.getExecutor()).shutdownNow();
                if (problems.isEmpty()) {
                    psql("postgres", "drop database " + database);
                } else {
                    System.out.println("run " + run + ": kept database " + database + " and " + work.resolve("server.log"));
                }
            }
        }

        Map<String, Integer> snapshot() {
            Map<String, Integer> copy = new HashMap<>();
            received.forEach((id, count) -> copy.put(id, count.get()));
            return copy;
        }

        Result verify(String load, double killAfter, int exitStatus, int receiverOpenAtKill, Map<String, Integer> receivedBeforeKill,
                      Set<String> pendingAtKill, long inFlightDeliveries, long unappliedAtKill, double drainSeconds,
                      double notificationRate, double readySeconds)
            throws Exception {
            // inbound notifications: pspReference -> rows (dedup key "adyen:<psp>:AUTHORISATION:true:")
            Map<String, List<String>> inbound = new HashMap<>();
            for (String row : psql(database, "select dedup_key, status from inbound_notification where provider = 'adyen'")) {
                String[] f = row.split("\\|", -1);
                inbound.computeIfAbsent(f[0].split(":", -1)[1], k -> new ArrayList<>()).add(f[1]);
            }
            // transactions by merchant reference, with their authorization events
            Map<String, List<String>> transactionsByReference = new HashMap<>();
            Map<String, Integer> authorizations = new HashMap<>();
            for (String row : psql(database, "select t.merchant_reference, t.id, (select count(*) from transaction_event e "
                + "where e.transaction_id = t.id and e.operation = 'AUTHORIZE' and e.result = 'SUCCESS') from payment_transaction t")) {
                String[] f = row.split("\\|", -1);
                transactionsByReference.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
                authorizations.put(f[1], Integer.parseInt(f[2]));
            }
            // outbound events: id -> type, and the transaction events by transaction id
            Map<String, String> outbox = new HashMap<>();
            Map<String, List<String>> eventsByTransaction = new HashMap<>();
            for (String row : psql(database, "select event_id, event_type, coalesce(source, '') from outbound_event")) {
                String[] f = row.split("\\|", -1);
                outbox.put(f[0], f[1]);
                if (f[2].startsWith("transaction:")) {
                    eventsByTransaction.computeIfAbsent(f[2].split(":")[1], k -> new ArrayList<>()).add(f[0]);
                }
            }
            Map<String, Integer> deliveryStatuses = new HashMap<>();
            for (String row : psql(database, "select status, count(*) from delivery group by status")) {
                String[] f = row.split("\\|", -1);
                deliveryStatuses.put(f[0], Integer.parseInt(f[1]));
            }

            long storedAcked = 0;
            long appliedAcked = 0;
            long lostItems = 0;
            Set<String> txEventsOfAcked = new HashSet<>();
            for (String psp : ackedPsp) {
                List<String> rows = inbound.getOrDefault(psp, List.of());
                if (rows.isEmpty()) {
                    lostItems++;
                    problems.add("acknowledged item " + psp + " is not stored");
                    continue;
                }
                storedAcked++;
                if (checkApplied(psp, rows, transactionsByReference, authorizations, eventsByTransaction, outbox, txEventsOfAcked)) {
                    appliedAcked++;
                }
            }
            long storedUnacked = 0;
            for (String psp : unansweredPsp) {
                List<String> rows = inbound.get(psp);
                if (rows != null) {
                    storedUnacked++;
                    checkApplied(psp, rows, transactionsByReference, authorizations, eventsByTransaction, outbox, new HashSet<>());
                }
            }
            Set<String> known = new HashSet<>(ackedPsp);
            known.addAll(unansweredPsp);
            inbound.keySet().stream().filter(psp -> !known.contains(psp))
                .forEach(psp -> problems.add("stored item " + psp + " was never sent"));
            inbound.forEach((psp, rows) -> {
                if (rows.stream().anyMatch(status -> !status.equals("PROCESSED"))) {
                    problems.add("stored item " + psp + " is " + rows + ", not PROCESSED");
                }
            });

            // deliveries: acknowledged events and everything in the outbox reached the receiver
            Set<String> ackedAll = new HashSet<>(ackedEvents);
            ackedAll.addAll(txEventsOfAcked);
            long deliveredAcked = ackedAll.stream().filter(received::containsKey).count();
            long undelivered = ackedAll.size() - deliveredAcked;
            ackedEvents.stream().filter(id -> !outbox.containsKey(id))
                .forEach(id -> problems.add("acknowledged published event " + id + " is not in the outbox"));
            ackedAll.stream().filter(id -> !received.containsKey(id)).limit(20)
                .forEach(id -> problems.add("acknowledged event " + id + " never reached the receiver"));
            long outboxUndelivered = outbox.keySet().stream().filter(id -> !received.containsKey(id)).count();
            if (outboxUndelivered > 0) {
                problems.add(outboxUndelivered + " events in the outbox never reached the receiver");
            }
            received.keySet().stream().filter(id -> !outbox.containsKey(id))
                .forEach(id -> problems.add("the receiver got event " + id + ", which is not in the outbox"));
            if (deliveryStatuses.getOrDefault("PENDING", 0) + deliveryStatuses.getOrDefault("DEAD", 0) > 0
                || deliveryStatuses.getOrDefault("SUCCEEDED", 0) != outbox.size()) {
                problems.add("deliveries " + deliveryStatuses + " for " + outbox.size() + " events");
            }
            long duplicates = 0;
            for (Map.Entry<String, AtomicInteger> entry : received.entrySet()) {
                int extra = entry.getValue().get() - 1;
                if (extra > 0) {
                    duplicates += extra;
                    boolean wasInFlight = receivedBeforeKill.containsKey(entry.getKey()) && pendingAtKill.contains(entry.getKey());
                    if (!wasInFlight || extra > 1) {
                        problems.add("event " + entry.getKey() + " received " + entry.getValue().get()
                            + " times, in flight at the kill: " + wasInFlight);
                    }
                }
            }
            if (duplicates > inFlightDeliveries) {
                problems.add("duplicates " + duplicates + " > deliveries in flight at the kill " + inFlightDeliveries);
            }
            return new Result(run, load, killAfter, exitStatus, ackedPsp.size(), unansweredPsp.size(), storedAcked, storedUnacked,
                unappliedAtKill, appliedAcked, lostItems, ackedEvents.size(), unansweredPublishes.get(), txEventsOfAcked.size(),
                deliveredAcked, undelivered, duplicates, inFlightDeliveries, receiverOpenAtKill, drainSeconds, notificationRate, readySeconds,
                pendingAtKill.size(), List.copyOf(problems));
        }

        /** Stored once, PROCESSED, one transaction with one authorization, one outbound event for it. */
        boolean checkApplied(String psp, List<String> rows, Map<String, List<String>> transactionsByReference,
                             Map<String, Integer> authorizations, Map<String, List<String>> eventsByTransaction,
                             Map<String, String> outbox, Set<String> txEvents) {
            List<String> wrong = new ArrayList<>();
            if (rows.size() != 1 || !rows.get(0).equals("PROCESSED")) {
                wrong.add("stored as " + rows);
            }
            List<String> transactions = transactionsByReference.getOrDefault(reference(psp), List.of());
            if (transactions.size() != 1) {
                wrong.add(transactions.size() + " transactions");
            } else {
                String id = transactions.get(0);
                if (authorizations.get(id) != 1) {
                    wrong.add(authorizations.get(id) + " authorization events");
                }
                List<String> events = eventsByTransaction.getOrDefault(id, List.of());
                if (events.size() != 1 || !outbox.get(events.get(0)).equals("transaction.authorization.success")) {
                    wrong.add("outbound events " + events.stream().map(outbox::get).toList());
                }
                txEvents.addAll(events);
            }
            if (!wrong.isEmpty()) {
                problems.add("item " + psp + " not applied exactly once: " + String.join(", ", wrong));
            }
            return wrong.isEmpty();
        }

        static String reference(String psp) {
            return "order-" + psp;
        }

        void postNotifications(int thread) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((ADYEN_USER + ":" + ADYEN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
            String url = base + "/api/notifications/adyen/" + endpointKey;
            for (int batch = 0; !stop.get(); batch++) {
                List<String> psps = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (int i = 0; i < itemsPerBatch; i++) {
                    String psp = "R" + run + "T" + thread + "B" + batch + "I" + i + "X" + Long.toString(System.nanoTime(), 36);
                    psps.add(psp);
                    items.add(item(psp, reference(psp), 1000 + i));
                }
                String body = "{\"live\": \"false\", \"notificationItems\": [" + String.join(", ", items) + "]}";
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() / 100 == 2 && answer.body().equals("[accepted]")) {
                        ackedPsp.addAll(psps);
                        answeredBatches.incrementAndGet();
                    } else {
                        problems.add("notification batch answered " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                } catch (IOException | InterruptedException e) {
                    unansweredPsp.addAll(psps); // on the wire at the kill (or sent to the dead server): no answer
                }
            }
        }

        void publishEvents() {
            while (!stop.get()) {
                String idempotencyKey = UUID.randomUUID().toString();
                String body = "{\"event_type\": \"product.inventory.adjusted\", \"object\": {\"sku\": \"CRASH-" + idempotencyKey
                    + "\", \"quantity\": 1}}";
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = EVENT_ID.matcher(answer.body());
                    if (answer.statusCode() == 202 && m.find()) {
                        ackedEvents.add(m.group(1));
                        answeredPublishes.incrementAndGet();
                    } else {
                        problems.add("publish answered " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                } catch (IOException | InterruptedException e) {
                    unansweredPublishes.incrementAndGet();
                }
            }
        }

        static String item(String psp, String reference, long value) {
            String data = String.join(":", psp, "", MERCHANT_ACCOUNT, reference, String.valueOf(value), "SEK", "AUTHORISATION", "true");
            return ("{\"NotificationRequestItem\": {\"eventCode\": \"AUTHORISATION\", \"success\": \"true\", \"pspReference\": \"%s\", "
                + "\"originalReference\": \"\", \"merchantAccountCode\": \"%s\", \"merchantReference\": \"%s\", "
                + "\"amount\": {\"value\": %d, \"currency\": \"SEK\"}, \"eventDate\": \"2026-12-04T10:00:00+01:00\", \"reason\": \"\", "
                + "\"additionalData\": {\"hmacSignature\": \"%s\"}}}")
                .formatted(psp, MERCHANT_ACCOUNT, reference, value, hmac(data, HMAC_KEY));
        }

        String endpointKey;

        void configure(int receiverPort) throws Exception {
            HttpResponse<String> channel = manage("POST", "channels",
                "{\"slug\": \"crash\", \"name\": \"Crash test\", \"currency\": \"SEK\", \"country\": \"SE\"}");
            expect(channel, 201);
            HttpResponse<String> adyen = manage("PUT", "channels/crash/providers/adyen", ("{\"apiKey\": \"crash-test-api-key\", "
                + "\"merchantAccount\": \"%s\", \"clientKey\": \"test_CK\", \"environment\": \"TEST\", \"captureStrategy\": \"AUTHORIZE\", "
                + "\"hmacKeys\": [\"%s\"], \"notificationUsername\": \"%s\", \"notificationPassword\": \"%s\"}")
                .formatted(MERCHANT_ACCOUNT, HMAC_KEY, ADYEN_USER, ADYEN_PASSWORD));
            expect(adyen, 200);
            Matcher url = Pattern.compile("\"notificationUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(adyen.body());
            if (!url.find()) {
                throw new IllegalStateException("no notificationUrl in " + adyen.body());
            }
            endpointKey = url.group(1).substring(url.group(1).lastIndexOf('/') + 1);
            String events = String.join(", ", eventTypes.stream().map(t -> "\"" + t + "\"").toList());
            expect(manage("POST", "webhooks", "{\"label\": \"crash receiver\", \"url\": \"http://127.0.0.1:" + receiverPort
                + "/hook\", \"events\": [" + events + "], \"authentication\": {\"type\": \"NONE\"}, "
                + "\"signature\": {\"type\": \"SIGNATURE_KEY\"}}"), 201);
        }

        HttpResponse<String> manage(String method, String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        static void expect(HttpResponse<String> answer, int status) {
            if (answer.statusCode() != status) {
                throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
                    + answer.statusCode() + " " + answer.body());
            }
        }

        Process startServer() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", Path.of(System.getProperty("bench.jar", "app/target/payhooks.jar")).toAbsolutePath().toString(), "--port", String.valueOf(port))
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("PAYHOOKS_DB_URL", dbUrl);
            env.put("PAYHOOKS_DATA_DIR", work.resolve("data").toString()); // the sandbox master key survives the restart
            env.put("PAYHOOKS_API_KEY", KEY);
            env.put("PAYHOOKS_ADMIN_PASSWORD", "crash-admin-password");
            env.put("PAYHOOKS_OUTBOUND_ALLOW", "127.0.0.0/8,::1/128");
            env.put("PAYHOOKS_DELIVERY_RETRY_SCHEDULE", "0s,2s,2s,2s,3s,3s,3s,3s");
            env.put("PAYHOOKS_INBOUND_RETRY_POLL_SECONDS", "1");
            return builder.start();
        }

        void awaitReady(Process server) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
            while (status(base + "/health/ready") != 200) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("server did not become ready; see " + work.resolve("server.log"));
                }
                Thread.sleep(200);
            }
        }

        /** No stored notification awaits processing and no delivery is pending (claims of the dead instance expire after their lease). */
        boolean awaitDrained() throws Exception {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String left = psql(database, "select (select count(*) from inbound_notification where status in ('RECEIVED', 'FAILED'))"
                    + " + (select count(*) from delivery where status = 'PENDING')").get(0);
                if (left.equals("0")) {
                    return true;
                }
                Thread.sleep(1000);
            }
            return false;
        }

        int status(String url) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                return -1;
            }
        }
    }

    /** Runs one statement with psql and returns the rows, fields separated by '|'. */
    static List<String> psql(String database, String sql) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-X", "-A", "-t",
            "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed on '" + sql + "': " + output);
        }
        return output.lines().filter(line -> !line.isEmpty()).toList();
    }

    /** Adyen's item HMAC: HMAC-SHA256 with the hex-decoded key over the data string, Base64. */
    static String hmac(String data, String hexKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract's test vector, so a wrong signature cannot pass as a server problem. */
    static void selfCheckHmac() {
        String expected = "ipnxGCaUZ4l8TUW75a71/ghd2Fe5ffvX0pV4TLTntIc=";
        String actual = hmac("pspReference:originalReference:merchantAccount:reference:1000:EUR:EVENT:true", HMAC_KEY);
        if (!expected.equals(actual)) {
            throw new IllegalStateException("HMAC test vector mismatch: " + actual);
        }
    }

    /** Every event type of the catalog, read from its source so the webhook listens to all of them. */
    static List<String> eventTypes() throws IOException {
        String source = Files.readString(Path.of("domain/src/main/java/dev/payhooks/domain/outbound/EventCatalog.java"));
        List<String> types = new ArrayList<>();
        Matcher m = CATALOG_ENTRY.matcher(source);
        while (m.find()) {
            types.add(m.group(1));
        }
        if (!types.contains("transaction.authorization.success") || !types.contains("product.inventory.adjusted")) {
            throw new IllegalStateException("could not read the event catalog: " + types);
        }
        return types;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
