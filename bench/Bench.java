import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks share: starting {@code app/target/payhooks.jar} on a free port, waiting
 * for readiness, the management API key, fresh PostgreSQL databases, RSS readings and
 * percentiles. Compiled together with the benchmark by {@code bench/run}.
 */
final class Bench {

    static final String KEY = "phk_bench000000000000000000000000000000000000".substring(0, 44);

    /** {@code /metrics} answers only {@code Authorization: Bearer} this ({@code PAYHOOKS_METRICS_TOKEN}). */
    static final String METRICS_TOKEN = "bench-metrics-token";

    /**
     * The master key every benchmark server gets ({@code PAYHOOKS_MASTER_KEY}, Base64 of 32 bytes):
     * several instances on one database must open each other's sealed secrets (signing keys,
     * provider credentials). A fixed, public benchmark value, not a secret.
     */
    static final String MASTER_KEY = java.util.Base64.getEncoder()
        .encodeToString("payhooks-bench-master-key-32-byt".getBytes(StandardCharsets.US_ASCII));

    private Bench() {
    }

    /** A started server: its process, port, working directory and base URL. */
    record Server(Process process, int port, Path work, String base) {
        long pid() {
            return process.toHandle().pid();
        }

        /** Resident set size of the server process in MiB (Linux {@code /proc}), or -1. */
        double rssMiB() {
            return Bench.rssMiB(pid());
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts the server with the given extra environment (PAYHOOKS_DB_URL among them, or none for a
     * fresh H2 database in {@code work}) and JVM options from {@code -Dbench.jvm}; the jar is
     * {@code -Dbench.jar} (default {@code app/target/payhooks.jar}), so two builds can be compared in one session.
     */
    static Server start(Path work, int port, Map<String, String> env) throws IOException {
        String jvm = System.getProperty("bench.jvm", "").strip();
        return start(work, port, env, jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+")), Path.of(System.getProperty("bench.jar", "app/target/payhooks.jar")),
            List.of());
    }

    /** Starts {@code java <jvmOptions> -jar <jar> --port <port> <payaraArgs>} (the uber jar, or a Payara Micro launcher). */
    static Server start(Path work, int port, Map<String, String> env, List<String> jvmOptions, Path jar, List<String> payaraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--port", String.valueOf(port)));
        command.addAll(payaraArgs);
        ProcessBuilder server = new ProcessBuilder(command).directory(work.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        server.environment().put("PAYHOOKS_API_KEY", KEY);
        server.environment().put("PAYHOOKS_OUTBOUND_ALLOW", "127.0.0.0/8");
        server.environment().put("PAYHOOKS_ADMIN_PASSWORD", "bench-admin-password");
        server.environment().put("PAYHOOKS_MASTER_KEY", MASTER_KEY);
        server.environment().put("PAYHOOKS_METRICS_TOKEN", METRICS_TOKEN);
        server.environment().putAll(env);
        String dbUrl = env.getOrDefault("PAYHOOKS_DB_URL", "");
        if (dbUrl.startsWith("jdbc:postgresql://127.0.0.1:5432/")) {
            analyzeWhileRunning(dbUrl.substring("jdbc:postgresql://127.0.0.1:5432/".length()).replaceAll("\\?.*", ""));
        }
        return new Server(server.start(), port, work, "http://127.0.0.1:" + port);
    }

    private static final java.util.Set<String> ANALYZED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * This machine's PostgreSQL runs with {@code autovacuum = off}, so tables that a benchmark
     * fills from empty never get planner statistics: the planner keeps assuming a handful of rows
     * and picks plans that scan whole tables (a payment lookup by PSP reference went from 0.15 ms
     * to 9 ms at 2,700 payments). Where autovacuum is off, a daemon thread stands in for its
     * ANALYZE: every 15 s on the benchmark's database, as long as the benchmark runs.
     */
    static void analyzeWhileRunning(String database) {
        try {
            if (!psql(database, "SHOW autovacuum").equals("off") || !ANALYZED.add(database)) {
                return;
            }
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return;
        }
        System.out.println("PostgreSQL runs with autovacuum = off: ANALYZE of " + database + " every 15 s stands in for it");
        Thread analyzer = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(15_000);
                    psql(database, "ANALYZE");
                } catch (InterruptedException stop) {
                    return;
                } catch (IOException | IllegalStateException e) {
                    // the database may be gone between runs; try again next time
                }
            }
        }, "analyze-" + database);
        analyzer.setDaemon(true);
        analyzer.start();
    }

    /**
     * Waits for {@code /health/ready}, at most {@code -Dbench.ready-seconds} (180 s; a start on a
     * machine busy with other work can take longer); returns the seconds it took from
     * {@code startedAt} (System.nanoTime).
     */
    static double awaitReady(HttpClient http, Server server, long startedAt) throws InterruptedException {
        while (status(http, server.base() + "/health/ready") != 200) {
            if (!server.process().isAlive() || System.nanoTime() - startedAt > TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.ready-seconds", 180))) {
                throw new IllegalStateException("server did not become ready; see " + server.work().resolve("server.log"));
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - startedAt) / 1e9;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** A management API call ({@code /api/v1/…}) with the bench key; fails on a non-2xx answer. */
    static String manage(HttpClient http, Server server, String method, String path, String json) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a string field in a flat JSON answer (enough for the few fields the benchmarks read). */
    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        int open = json.indexOf('"', json.indexOf(':', at) + 1);
        return json.substring(open + 1, json.indexOf('"', open + 1));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Drops and creates a PostgreSQL database on 127.0.0.1 (user postgres, trust) and returns its JDBC URL. */
    static String freshPostgres(String name) throws IOException, InterruptedException {
        psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        psql("postgres", "CREATE DATABASE " + name);
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /** The database name of a {@code jdbc:postgresql://host:port/name?…} URL. */
    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * Holds back every delivery inserted from now on (a trigger makes it due in a day), so a full
     * outbox can be built with the engines running and then released at once: no restart between
     * filling and draining, and every engine is up and warm when the drain starts.
     */
    static void holdDeliveries(String database) throws IOException, InterruptedException {
        psql(database, "CREATE OR REPLACE FUNCTION bench_hold_delivery() RETURNS trigger LANGUAGE plpgsql AS "
            + "$$ BEGIN NEW.next_attempt_at := now() + interval '1 day'; RETURN NEW; END $$");
        psql(database, "DROP TRIGGER IF EXISTS bench_hold_delivery ON delivery");
        psql(database, "CREATE TRIGGER bench_hold_delivery BEFORE INSERT ON delivery FOR EACH ROW EXECUTE FUNCTION bench_hold_delivery()");
    }

    /** Drops the hold and makes every held delivery due now; returns how many. */
    static int releaseDeliveries(String database) throws IOException, InterruptedException {
        psql(database, "DROP TRIGGER IF EXISTS bench_hold_delivery ON delivery");
        String out = psql(database, "UPDATE delivery SET next_attempt_at = now() WHERE status = 'PENDING' "
            + "AND next_attempt_at > now() + interval '1 hour'");
        return Integer.parseInt(out.replaceAll("\\D", ""));
    }

    /** Runs SQL with psql and returns its unaligned, tuples-only output. */
    static String psql(String database, String sql) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
            "-At", "-c", sql).redirectErrorStream(true).start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // not Linux, or the process ended
        }
        return -1;
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux), from {@code /proc/<pid>/stat}; 0 if unknown. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** One HTTP/1.1 answer read from a keep-alive connection: status and body. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Reads one HTTP/1.1 answer (Content-Length or chunked); the body only when {@code keepBody}. */
    static Answer readAnswer(InputStream in, boolean keepBody) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = keepBody ? new java.io.ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size = Long.parseLong(line(in).strip(), 16); size > 0; size = Long.parseLong(line(in).strip(), 16)) {
                take(in, size, body);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            take(in, length, body);
        }
        return new Answer(status, body == null ? new byte[0] : body.toByteArray());
    }

    private static void take(InputStream in, long size, java.io.ByteArrayOutputStream body) throws IOException {
        if (body == null) {
            in.skipNBytes(size);
        } else {
            body.write(in.readNBytes((int) size));
        }
    }

    /** One CRLF-terminated line, without the line end. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** The p-th percentile (0..1) of sorted nanosecond values, in milliseconds. */
    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1));
        return sortedNanos[index] / 1e6;
    }

    static double pct(List<Long> sortedNanos, double p) {
        return pct(sortedNanos.stream().mapToLong(Long::longValue).toArray(), p);
    }
}
