import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ingest benchmark: provider notifications per second into a running Payhooks server on
 * PostgreSQL, and the latency of the durable acknowledgment, at fixed concurrencies; then the
 * PostgreSQL ceiling for the same row (pgbench) at the same concurrencies, and the ratio.
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run IngestBenchmark [adyen|annanow] [seconds=20] [concurrencies=8,32,128] [items-per-batch=1]
 *
 * Each virtual client holds one keep-alive HTTP/1.1 connection and sends its next request when
 * the answer to the previous one arrived (closed loop): a signed Adyen batch of fresh
 * AUTHORISATION items (every item a new payment), or an Annanow form post of a new
 * transaction (channel authenticated by the URL key, no re-fetch). Latency is from the first
 * byte written to the last byte of the answer. The server runs on a fresh database
 * {@code payhooks_ingest}; pgbench inserts the same row shape into a copy of the notification
 * table ({@code LIKE inbound_notification INCLUDING ALL}) in one transaction per row.
 */
public class IngestBenchmark {

    /** Unmeasured load before the levels (-Dbench.warmup=seconds): the JIT keeps compiling for a minute or more. */
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);

    static final String HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";
    static final String USER = "adyen-bench";
    static final String PASSWORD = "adyen-bench-password";

    public static void main(String[] args) throws Exception {
        String provider = args.length > 0 ? args[0] : "adyen";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] levels = Arrays.stream((args.length > 2 ? args[2] : "8,32,128").split(",")).mapToInt(Integer::parseInt).toArray();
        int items = args.length > 3 ? Integer.parseInt(args[3]) : 1;

        // -Dbench.database: another name, so that two runs (or two builds) on one machine keep apart
        String database = System.getProperty("bench.database", "payhooks_ingest");
        String dbUrl = Bench.freshPostgres(database);
        Path work = Files.createTempDirectory("payhooks-ingest");
        var http = Bench.client();
        long startedAt = System.nanoTime();
        Bench.Server server = Bench.start(work, Bench.freePort(), Map.of("PAYHOOKS_DB_URL", dbUrl));
        try {
            double ready = Bench.awaitReady(http, server, startedAt);
            System.out.printf("server ready after %.1f s, RSS %.0f MiB; %s notifications, %d item(s) per request, %d s per level%n",
                ready, server.rssMiB(), provider, items, seconds);
            Target target = provider.equals("annanow") ? annanow(http, server) : adyen(http, server, items);

            run(server, target, 8, WARM_UP_SECONDS, "warm-up");
            System.out.printf("idle RSS after warm-up: %.0f MiB%n", server.rssMiB());
            List<double[]> hub = new ArrayList<>();
            for (int clients : levels) {
                hub.add(run(server, target, clients, seconds, "hub"));
            }
            System.out.printf("stored notifications: %s%n", Bench.psql(database, "SELECT count(*) FROM inbound_notification"));
            awaitApplied(database);

            Bench.psql(database, "DROP TABLE IF EXISTS bench_notification");
            Bench.psql(database, "CREATE TABLE bench_notification (LIKE inbound_notification INCLUDING ALL)");
            Path script = work.resolve("insert.sql");
            Files.writeString(script, pgbenchInsert(provider, target.bodyBytes()));
            for (int i = 0; i < levels.length; i++) {
                double[] pg = pgbench(database, script, levels[i], seconds, work);
                System.out.printf("clients %3d: hub %,.0f notifications/s, pgbench %,.0f rows/s, hub/pgbench %.2f%n",
                    levels[i], hub.get(i)[0], pg[0], hub.get(i)[0] / pg[0]);
            }
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    /** What one request is: its path, headers and a fresh body per call. */
    interface Target {
        String path();

        String headers();

        int itemsPerRequest();

        byte[] body(long sequence);

        int bodyBytes();
    }

    static Target adyen(java.net.http.HttpClient http, Bench.Server server, int items) throws Exception {
        Bench.manage(http, server, "POST", "channels", "{\"slug\": \"bench-adyen\", \"name\": \"Bench\", \"currency\": \"EUR\", "
            + "\"country\": \"NL\"}");
        String configured = Bench.manage(http, server, "PUT", "channels/bench-adyen/providers/adyen", """
            {"apiKey": "adyen-bench-api-key-1234", "merchantAccount": "Bench_ECOM", "clientKey": "test_CK",
             "environment": "TEST", "captureStrategy": "AUTHORIZE", "hmacKeys": ["%s"],
             "notificationUsername": "%s", "notificationPassword": "%s"}""".formatted(HMAC_KEY, USER, PASSWORD));
        String url = Bench.field(configured, "notificationUrl");
        String path = url.substring(url.indexOf("/api/"));
        String authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis(), 36);
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(HexFormat.of().parseHex(HMAC_KEY), "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Target() {
            public String path() {
                return path;
            }

            public String headers() {
                return "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n";
            }

            public int itemsPerRequest() {
                return items;
            }

            public byte[] body(long sequence) {
                StringBuilder batch = new StringBuilder("{\"live\": \"false\", \"notificationItems\": [");
                for (int i = 0; i < items; i++) {
                    String psp = "B" + run + "x" + sequence + "x" + i;
                    String reference = "order-" + psp;
                    long value = 1000 + sequence % 9000;
                    String data = String.join(":", psp, "", "Bench_ECOM", reference, String.valueOf(value), "EUR",
                        "AUTHORISATION", "true");
                    String signature = Base64.getEncoder().encodeToString(macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8)));
                    batch.append(i == 0 ? "" : ", ").append("""
                        {"NotificationRequestItem": {"eventCode": "AUTHORISATION", "success": "true", "pspReference": "%s",
                         "originalReference": "", "merchantAccountCode": "Bench_ECOM", "merchantReference": "%s",
                         "amount": {"value": %d, "currency": "EUR"}, "eventDate": "2026-12-04T10:00:00+01:00", "reason": "",
                         "paymentMethod": "visa", "additionalData": {"hmacSignature": "%s"}}}"""
                        .formatted(psp, reference, value, signature));
                }
                return batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            }

            public int bodyBytes() {
                return body(0).length / items;
            }
        };
    }

    static Target annanow(java.net.http.HttpClient http, Bench.Server server) {
        Bench.manage(http, server, "POST", "channels", "{\"slug\": \"bench-annanow\", \"name\": \"Bench\", \"currency\": \"CHF\", "
            + "\"country\": \"CH\"}");
        String configured = Bench.manage(http, server, "PUT", "channels/bench-annanow/providers/annanow",
            "{\"instance\": \"bench\", \"apiSecret\": \"bench-annanow-secret\", \"authMode\": \"URL_KEY\", \"confirmByRefetch\": false}");
        String url = Bench.field(configured, "notificationUrl");
        String path = url.substring(url.indexOf("/api/"));
        long run = System.currentTimeMillis() % 1_000_000;
        return new Target() {
            public String path() {
                return path;
            }

            public String headers() {
                return "Content-Type: application/x-www-form-urlencoded\r\n";
            }

            public int itemsPerRequest() {
                return 1;
            }

            public byte[] body(long sequence) {
                long id = run * 10_000_000L + sequence;
                return ("transaction[id]=" + id + "&transaction[status]=confirmed&transaction[amount]=" + (500 + sequence % 5000)
                    + "&transaction[referenceId]=order-" + id + "&transaction[invoice][currency]=CHF"
                    + "&transaction[time]=2026-12-04+10:00:00&transaction[mode]=TEST&transaction[psp]=Bench")
                    .getBytes(StandardCharsets.UTF_8);
            }

            public int bodyBytes() {
                return body(0).length;
            }
        };
    }

    static final AtomicLong SEQUENCE = new AtomicLong();

    /** One level: {@code clients} closed-loop connections for {@code seconds}; returns {notifications/s}. */
    static double[] run(Bench.Server server, Target target, int clients, int seconds, String label) throws Exception {
        return run(List.of(server), target, clients, seconds, label);
    }

    /**
     * One level against several instances on one database: client {@code c} connects to
     * {@code servers[c % n]}, so the clients are split evenly; server CPU is the sum over the
     * instances. Returns {notifications/s}.
     */
    static double[] run(List<Bench.Server> servers, Target target, int clients, int seconds, String label) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        AtomicLong errorStatus = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Bench.Server server = servers.get(c % servers.size());
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                Socket socket = null;
                try {
                    while (!stop.get()) {
                        if (socket == null) {
                            socket = new Socket("127.0.0.1", server.port());
                            socket.setTcpNoDelay(true);
                        }
                        byte[] body = target.body(SEQUENCE.incrementAndGet());
                        byte[] head = ("POST " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                            + target.headers() + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                        boolean counted = measuring.get();
                        long before = System.nanoTime();
                        int status;
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write(head);
                            out.write(body);
                            out.flush();
                            status = Bench.readAnswer(socket.getInputStream(), false).status();
                        } catch (IOException broken) {
                            failures.incrementAndGet();
                            socket.close();
                            socket = null;
                            continue;
                        }
                        long took = System.nanoTime() - before;
                        if (status != 200) {
                            errorStatus.incrementAndGet();
                        }
                        if (counted && measuring.get()) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                } finally {
                    latencies[client] = Arrays.copyOf(mine, n);
                    counts[client] = n;
                    try {
                        if (socket != null) {
                            socket.close();
                        }
                    } catch (IOException ignored) {
                        // closing
                    }
                    done.countDown();
                }
            }, "client-" + c);
            thread.start();
        }
        Thread.sleep(Math.min(3000, seconds * 200L));
        long cpuBefore = servers.stream().mapToLong(s -> Bench.cpuTicks(s.pid())).sum();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        long cpuAfter = servers.stream().mapToLong(s -> Bench.cpuTicks(s.pid())).sum();
        double rss = servers.stream().mapToDouble(Bench.Server::rssMiB).sum();
        stop.set(true);
        done.await(60, TimeUnit.SECONDS);

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double requestsPerSecond = all.length / (elapsed / 1e9);
        double notificationsPerSecond = requestsPerSecond * target.itemsPerRequest();
        double serverCores = (cpuAfter - cpuBefore) / 100.0 / (elapsed / 1e9);
        System.out.printf("%-7s clients %3d%s: %,8.0f requests/s = %,8.0f notifications/s; ack latency p50 %.1f ms, p99 %.1f ms, "
                + "p99.9 %.1f ms, max %.1f ms; server CPU %.2f cores = %.1f ms per notification, RSS %.0f MiB; non-200 %d, broken %d%n",
            label, clients, servers.size() == 1 ? "" : " over " + servers.size() + " instances", requestsPerSecond, notificationsPerSecond, Bench.pct(all, 0.5), Bench.pct(all, 0.99),
            Bench.pct(all, 0.999), Bench.pct(all, 1.0), serverCores, serverCores * 1000 / notificationsPerSecond, rss, errorStatus.get(), failures.get());
        return new double[] {notificationsPerSecond};
    }

    /** How long the hub's inbox worker may take to apply the backlog before pgbench runs (-Dbench.drain=seconds). */
    static final int DRAIN_SECONDS = Integer.getInteger("bench.drain", 300);

    /**
     * Waits until the worker has applied every stored notification (none RECEIVED), so pgbench
     * does not share the machine with it, and prints how fast the backlog went.
     */
    static void awaitApplied(String database) throws Exception {
        String awaiting = "SELECT count(*) FROM inbound_notification WHERE status = 'RECEIVED'";
        long first = Long.parseLong(Bench.psql(database, awaiting));
        long start = System.nanoTime();
        long left = first;
        while (left > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)) {
            Thread.sleep(500);
            left = Long.parseLong(Bench.psql(database, awaiting));
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("inbox: %d awaiting after the last level, %d after %.1f s (%,.0f applied/s)%n", first, left, took,
            (first - left) / took);
    }

    /** The notification row the hub stores, as a pgbench script: one INSERT, one transaction. */
    static String pgbenchInsert(String provider, int bodyBytes) {
        return """
            INSERT INTO bench_notification (id, provider, dedup_key, merchant_id, channel_slug, raw_body, headers, received_at,
              verification, status, attempts, version, dedup_merchant_id, dedup_channel_slug)
            VALUES (gen_random_uuid()::text, '%s', '%s:' || gen_random_uuid()::text, NULL, 'bench-%s',
              decode(repeat('7b', %d), 'hex'), '{"content-type":"application/json","user-agent":"bench","authorization":"••••"}',
              now(), 'VERIFIED', 'RECEIVED', 0, 0, '', 'bench-%s');
            """.formatted(provider, provider, provider, bodyBytes, provider);
    }

    /** pgbench with the script at this concurrency; returns {rows/s}. */
    static double[] pgbench(String database, Path script, int requestedClients, int seconds, Path work) throws Exception {
        // PostgreSQL's default max_connections is 100 (the hub's own pool is 32 connections)
        int clients = Math.min(requestedClients, 90);
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c", String.valueOf(clients),
            "-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(seconds), "-f", script.toString(), "-r", database)
            .redirectErrorStream(true).start();
        String out = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        Files.writeString(work.resolve("pgbench-" + clients + ".txt"), out);
        double tps = Double.NaN;
        String latency = "?";
        for (String line : out.split("\n")) {
            if (line.startsWith("tps = ")) {
                tps = Double.parseDouble(line.substring(6, line.indexOf(' ', 6)));
            } else if (line.startsWith("latency average")) {
                latency = line.substring(line.indexOf('=') + 1).strip();
            }
        }
        System.out.printf("pgbench clients %3d: %,8.0f rows/s, latency average %s%s%n", clients, tps, latency,
            clients < requestedClients ? " (capped from " + requestedClients + " by max_connections)" : "");
        return new double[] {tps};
    }
}
