import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Cold start to ready and resident memory of Payhooks on PostgreSQL, in the configurations the start-up target
 * asks about:
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run StartupBenchmark [runs=3] [idle-seconds=20] [configurations=all, comma-separated; "first": that start only]
 *
 * The first start migrates a fresh database {@code payhooks_startup} (reported on its own); every
 * measured start after it finds the schema in place, as a restart does. Configurations:
 * <ul>
 *   <li>{@code uber-jar}: {@code java -jar payhooks.jar} as the README says. Payara Micro unpacks
 *       its ~400 runtime jars into a new temporary directory on every start; the JVM's default heap
 *       (a quarter of the machine's memory).</li>
 *   <li>{@code launcher}: the runtime unpacked once ({@code --rootdir R --outputlauncher}) and the
 *       application deployed into it once ({@code java -jar R/launch-micro.jar --deploy R/ROOT.war};
 *       the root directory keeps it), then {@code java -jar R/launch-micro.jar --nohazelcast
 *       --disablephonehome}: the same application, no unpacking, no war to expand, the runtime
 *       jars on the JVM's class path. (Passing {@code --deploy} again would deploy it twice: once
 *       from the root directory's configuration, once more from the argument.)</li>
 *   <li>{@code launcher+cds}: plus application class-data sharing: the deploying start runs with
 *       {@code -XX:ArchiveClassesAtExit=payhooks.jsa} (stopped at ready; the JVM writes the archive
 *       of every class it loaded as it exits), the measured ones with
 *       {@code -XX:SharedArchiveFile=payhooks.jsa}.</li>
 *   <li>{@code launcher+cds+heap}: plus {@code -Xmx384m -Xss512k -XX:ReservedCodeCacheSize=96m};</li>
 *   <li>{@code uber-jar+heap} and {@code launcher+heap}: those bounds without class-data sharing.</li>
 * </ul>
 * Ready is {@code /health/ready} answering 200 (database reachable and migrated, the application
 * deployed), timed from process start. Right after ready the benchmark loads the admin console's
 * sign-in page as a browser's first visit does, the page and every script and style sheet it names
 * under {@code VAADIN/}, and reports how long that took after ready and in all (the console's
 * first-load target: under 3 s after start). RSS is read at ready and after {@code idle-seconds} idle.
 */
public class StartupBenchmark {

    record Config(String name, List<String> jvm, Path jar, List<String> payara) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> wanted = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        String database = "payhooks_startup";
        Map<String, String> env = Map.of("PAYHOOKS_DB_URL", Bench.freshPostgres(database));
        Path work = Files.createTempDirectory("payhooks-startup");
        HttpClient http = Bench.client();
        Path uberJar = Path.of("app/target/payhooks.jar");

        double[] migrating = startOnce(http, work, env, new Config("first", List.of(), uberJar, List.of()), 0);
        System.out.printf("first start (migrates the empty database): ready %.1f s, first /admin load %.2f s after ready, RSS %.0f MiB%n",
            migrating[0], migrating[3], migrating[1]);
        if (wanted.equals(List.of("first"))) {
            System.exit(0);
        }

        // unpack once: the launcher, and the application the uber jar deploys, next to it
        Path root = work.resolve("payara-root");
        Process unpack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            uberJar.toAbsolutePath().toString(), "--rootdir", root.toString(), "--outputlauncher")
            .redirectErrorStream(true).redirectOutput(work.resolve("unpack.log").toFile()).start();
        if (unpack.waitFor() != 0 || !Files.exists(root.resolve("launch-micro.jar"))) {
            throw new IllegalStateException("--outputlauncher failed; see " + work.resolve("unpack.log"));
        }
        Path war = root.resolve("ROOT.war");
        try (ZipFile jar = new ZipFile(uberJar.toFile())) {
            Files.copy(jar.getInputStream(jar.getEntry("MICRO-INF/deploy/ROOT.war")), war);
        }
        Path launcher = root.resolve("launch-micro.jar");
        List<String> launcherArgs = List.of("--nohazelcast", "--disablephonehome");
        Path archive = work.resolve("payhooks.jsa");

        List<String> cds = List.of("-XX:SharedArchiveFile=" + archive);
        List<String> heap = List.of("-Xmx384m", "-Xss512k", "-XX:ReservedCodeCacheSize=96m");
        List<Config> configs = new ArrayList<>(List.of(
            new Config("uber-jar", List.of(), uberJar, List.of()),
            new Config("launcher", List.of(), launcher, launcherArgs),
            new Config("launcher+cds", cds, launcher, launcherArgs),
            new Config("launcher+cds+heap", concat(cds, heap), launcher, launcherArgs),
            new Config("uber-jar+heap", heap, uberJar, List.of()),
            new Config("launcher+heap", heap, launcher, launcherArgs)));
        configs.removeIf(config -> !wanted.isEmpty() && !wanted.contains(config.name()));
        // deploy into the root directory once; this start also records the classes for CDS
        double[] training = startOnce(http, work, env, new Config("deploying", List.of("-XX:ArchiveClassesAtExit=" + archive),
            launcher, concat(List.of("--deploy", war.toString()), launcherArgs)), 0);
        System.out.printf("launcher's deploying start (CDS training): ready %.1f s; archive %.0f MiB%n", training[0],
            Files.exists(archive) ? Files.size(archive) / 1048576.0 : -1);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no CDS archive was written; see " + work.resolve("server.log"));
        }
        for (Config config : configs) {
            List<double[]> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                results.add(startOnce(http, work, env, config, idleSeconds));
            }
            double[] ready = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
            System.out.printf("%-18s ready %s s (median %.1f); first /admin load %s s after ready; RSS at ready %s MiB,"
                    + " after %d s idle %s MiB%n", config.name(), join(results, 0, "%.1f"), ready[ready.length / 2],
                join(results, 3, "%.2f"), join(results, 1, "%.0f"), idleSeconds, join(results, 2, "%.0f"));
        }
        System.exit(0);
    }

    /**
     * Starts the server, waits for ready, loads the console's first page, optionally idles; returns
     * {ready seconds, RSS at ready, RSS after idle, first /admin load seconds after ready}.
     */
    static double[] startOnce(HttpClient http, Path work, Map<String, String> env, Config config, int idleSeconds)
            throws Exception {
        long startedAt = System.nanoTime();
        Bench.Server server = Bench.start(work, Bench.freePort(), env, config.jvm(), config.jar(), config.payara());
        try {
            double ready = Bench.awaitReady(http, server, startedAt);
            double rssReady = server.rssMiB();
            double firstAdminLoad = firstAdminLoad(http, server);
            Thread.sleep(idleSeconds * 1000L);
            return new double[] {ready, rssReady, server.rssMiB(), firstAdminLoad};
        } finally {
            server.stop();
        }
    }

    private static final java.util.regex.Pattern RESOURCE =
        java.util.regex.Pattern.compile("(?:src|href)=\"((?:\\./)?VAADIN/[^\"]+)\"");

    /**
     * Seconds to load {@code /admin/login} and every script and style sheet under {@code VAADIN/} it
     * names (one after the other, like a browser's first visit with an empty cache); fails unless each
     * answers 200.
     */
    static double firstAdminLoad(HttpClient http, Bench.Server server) throws Exception {
        long begin = System.nanoTime();
        java.net.URI page = java.net.URI.create(server.base() + "/admin/login");
        java.net.http.HttpResponse<String> html = http.send(java.net.http.HttpRequest.newBuilder(page)
            .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (html.statusCode() != 200) {
            throw new IllegalStateException("/admin/login answered " + html.statusCode());
        }
        java.util.regex.Matcher m = RESOURCE.matcher(html.body());
        int resources = 0;
        while (m.find()) {
            java.net.URI resource = page.resolve(m.group(1));
            int status = http.send(java.net.http.HttpRequest.newBuilder(resource).timeout(java.time.Duration.ofSeconds(30))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(resource + " answered " + status);
            }
            resources++;
        }
        if (resources == 0) {
            throw new IllegalStateException("/admin/login names no VAADIN/ script");
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String join(List<double[]> results, int index, String format) {
        return String.join(" / ", results.stream().map(r -> String.format(format, r[index])).toList());
    }
}
