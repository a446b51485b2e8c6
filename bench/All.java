import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every benchmark one after the other and prints one table of the targets, each figure next
 * to the bound measured in the same run where the target is a ratio.
 *
 *   bench/run all                           # the reference run (about 45 minutes on 2 cores)
 *   bench/run all --quick                   # short levels and fewer benchmarks, under 3 minutes: a smoke run, not a measurement
 *   bench/run all --only Ingest,CrashTest   # only the benchmarks whose class name starts with one of these
 *
 * Each benchmark is started as its own JVM with the arguments shown in its header line, so any one
 * can be repeated alone with {@code bench/run <Class> <arguments>}. Their full output is passed
 * through; the table at the end is read from their summary lines.
 */
public class All {

    record Step(String benchmark, List<String> jvm, List<String> args) {
        /** The prefix of this step's lines in the collected output: the class, and the provider for the Saleor benchmark. */
        String label() {
            return benchmark.equals("SyncBenchmark") ? benchmark + ":" + args.get(0) : benchmark;
        }
    }

    record Row(String what, String target, String figure, String verdict) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int only = List.of(args).indexOf("--only");
        List<String> chosen = only >= 0 && only + 1 < args.length ? List.of(args[only + 1].split(",")) : List.of("");
        String pg = "jdbc:postgresql://127.0.0.1:5432/payhooks_delivery?user=postgres";
        List<Step> steps = quick
            ? List.of(
                new Step("ReadsBenchmark", List.of(), List.of("4", "1", "8")),
                new Step("IngestBenchmark", List.of("-Dbench.warmup=8"), List.of("adyen", "6", "8,32", "1")),
                new Step("SyncBenchmark", List.of(), List.of("adyen", "100", "8", "payhooks_sync", "5")),
                new Step("DeliveryBenchmark", List.of(), List.of("300", "8", pg, "drain", "10")))
            : List.of(
                new Step("ReadsBenchmark", List.of(), List.of("10", "3", "8")),
                new Step("IngestBenchmark", List.of(), List.of("adyen", "20", "8,32", "1")),
                new Step("SyncBenchmark", List.of(), List.of("adyen", "200", "30", "payhooks_sync", "30")),
                new Step("SyncBenchmark", List.of(), List.of("np-atobarai", "200", "30", "payhooks_sync_np", "30")),
                new Step("DeliveryBenchmark", List.of(), List.of("2000", "8", pg, "mixed", "10")),
                new Step("DeliveryBenchmark", List.of(), List.of("600", "8", pg, "drain", "10", "dead=15")),
                new Step("CrashTest", List.of(), List.of()),
                new Step("ScaleOutBenchmark", List.of("-Dbench.warmup=30"), List.of("20", "16", "600", "10", "8")),
                new Step("StartupBenchmark", List.of(), List.of("3", "15", "uber-jar")));

        List<String> output = new ArrayList<>();
        long began = System.nanoTime();
        for (Step step : steps) {
            if (chosen.stream().noneMatch(step.benchmark()::startsWith)) {
                continue;
            }
            if (step.benchmark().equals("DeliveryBenchmark")) {
                Bench.freshPostgres("payhooks_delivery");
            }
            output.addAll(run(step));
        }
        String all = String.join("\n", output);
        List<Row> rows = table(all, quick);
        System.out.printf("%n%s run finished in %.1f min%n%n", quick ? "quick" : "full", (System.nanoTime() - began) / 60e9);
        System.out.printf("| %-48s | %-26s | %-70s | %-7s |%n", "what", "target", "measured in this run", "met");
        System.out.printf("|%s|%s|%s|%s|%n", "-".repeat(50), "-".repeat(28), "-".repeat(72), "-".repeat(9));
        for (Row row : rows) {
            System.out.printf("| %-48s | %-26s | %-70s | %-7s |%n", row.what(), row.target(), row.figure(), row.verdict());
        }
        if (quick) {
            System.out.println("\nquick: short levels on a cold JIT; use the full run for figures.");
        }
        System.exit(0);
    }

    static List<String> run(Step step) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(step.jvm());
        String jvm = System.getProperty("bench.jvm");
        if (jvm != null) {
            command.add("-Dbench.jvm=" + jvm);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), step.benchmark()));
        command.addAll(step.args());
        System.out.printf("%n=== %s %s %s%n", step.benchmark(), String.join(" ", step.jvm()), String.join(" ", step.args()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(line);
                lines.add(step.label() + "| " + line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            System.out.printf("=== %s exited with %d%n", step.benchmark(), exit);
        }
        return lines;
    }

    static List<Row> table(String out, boolean quick) {
        List<Row> rows = new ArrayList<>();
        if (out.contains("ReadsBenchmark| ")) {
            reads(out, rows);
        }
        if (out.contains("IngestBenchmark| ")) {
            ingest(out, rows);
        }
        for (String provider : List.of("adyen", "np-atobarai")) {
            if (out.contains("SyncBenchmark:" + provider + "| ")) {
                sync(out, provider, rows);
            }
        }
        if (out.contains("DeliveryBenchmark| ")) {
            delivery(out, rows);
        }
        others(out, rows);
        return rows;
    }

    private static void reads(String out, List<Row> rows) {
        MatchResult ready = find(out, "ReadsBenchmark\\| server ready after ([\\d.]+) s, RSS (\\d+) MiB");
        rows.add(ready == null ? missing("start to /health/ready (README command)")
            : new Row("start to /health/ready (README command)", "<= 12 s", ready.group(1) + " s", verdict(num(ready, 1) <= 12)));

        MatchResult reads = last(out, "ReadsBenchmark\\| round \\d+: 404 ([\\d,]+) /s .*?/health/live ([\\d,]+) /s .*? live/404 ([\\d.]+); "
            + "channels ([\\d,]+) /s .*? channels/404 ([\\d.]+)");
        if (reads == null) {
            rows.add(missing("GET /health/live"));
            rows.add(missing("GET /api/v1/channels with an API key"));
        } else {
            rows.add(new Row("GET /health/live", ">= 0.5 x static 404", reads.group(2) + " /s; 404 " + reads.group(1) + " /s: x"
                + reads.group(3), verdict(num(reads, 3) >= 0.5)));
            rows.add(new Row("GET /api/v1/channels with an API key", ">= 2,000 /s", reads.group(4) + " /s (x" + reads.group(5)
                + " of the 404)", verdict(num(reads, 4) >= 2000)));
        }
    }

    private static void ingest(String out, List<Row> rows) {

        MatchResult at8 = find(out, "IngestBenchmark\\| hub\\s+clients\\s+8: .*?= *([\\d,]+) notifications/s; ack latency p50 ([\\d.]+) ms, "
            + "p99 ([\\d.]+) ms.*?= ([\\d.]+) ms per notification, RSS (\\d+) MiB");
        MatchResult ratio32 = find(out, "IngestBenchmark\\| clients\\s+32: hub ([\\d,]+) notifications/s, pgbench ([\\d,]+) rows/s, "
            + "hub/pgbench ([\\d.]+)");
        MatchResult cpu32 = find(out, "IngestBenchmark\\| hub\\s+clients\\s+32: .*?= ([\\d.]+) ms per notification, RSS (\\d+) MiB");
        rows.add(ratio32 == null ? missing("Adyen ingest, 32 connections")
            : new Row("Adyen ingest, 32 connections", ">= 0.25 x pgbench", ratio32.group(1) + " /s; pgbench " + ratio32.group(2)
                + " rows/s: x" + ratio32.group(3), verdict(num(ratio32, 3) >= 0.25)));
        rows.add(at8 == null ? missing("Adyen ingest, 8 connections: ack p99")
            : new Row("Adyen ingest, 8 connections: ack p99", "<= 100 ms", at8.group(3) + " ms (" + at8.group(1) + " /s)",
                verdict(num(at8, 3) <= 100)));
        rows.add(cpu32 == null ? missing("server CPU per notification (32 connections)")
            : new Row("server CPU per notification (32 connections)", "<= 1 ms", cpu32.group(1) + " ms (acknowledging and applying)",
                verdict(num(cpu32, 1) <= 1)));
        rows.add(cpu32 == null ? missing("RSS after the ingest run")
            : new Row("RSS after the ingest run", "<= 512 MiB", cpu32.group(2) + " MiB", verdict(num(cpu32, 2) <= 512)));
    }

    private static void sync(String out, String provider, List<Row> rows) {
        String step = "SyncBenchmark:" + provider + "\\| ";
        MatchResult p99 = find(out, step + "target hub's own p99 <= 25 ms at (\\d+) req/s: [A-Za-z ]+ \\(p99 ([\\d.]+) ms\\)");
        MatchResult cpu = find(out, step + ".*\\(([\\d.]+) ms of CPU per answered webhook\\)");
        rows.add(p99 == null ? missing("Saleor initialize via " + provider + ": hub p99")
            : new Row("Saleor initialize via " + provider + ": hub p99", "<= 25 ms at 200 /s", p99.group(2) + " ms at "
                + p99.group(1) + " /s offered", verdict(num(p99, 2) <= 25 && num(p99, 1) >= 200)));
        rows.add(cpu == null ? missing("Saleor initialize via " + provider + ": CPU")
            : new Row("Saleor initialize via " + provider + ": CPU", "<= 3 ms per webhook", cpu.group(1) + " ms",
                verdict(num(cpu, 1) <= 3)));
    }

    private static void delivery(String out, List<Row> rows) {
        MatchResult drain = find(out, "DeliveryBenchmark\\| (?:drain|healthy drain): ([\\d,]+) deliveries/s");
        rows.add(drain == null ? missing("delivery drain, 10 webhooks")
            : new Row("delivery drain, 10 webhooks", ">= 1,500 /s", drain.group(1) + " /s", verdict(num(drain, 1) >= 1500)));
        MatchResult firstAttempt = find(out, "DeliveryBenchmark\\| publish-to-first-attempt: p50 ([\\d.]+) ms, p99 ([\\d.]+) ms");
        if (firstAttempt != null) {
            rows.add(new Row("publish -> first attempt p99", "<= 250 ms", firstAttempt.group(2) + " ms",
                verdict(num(firstAttempt, 2) <= 250)));
        }
        MatchResult dead = find(out, "DeliveryBenchmark\\| healthy drain: .* with (\\d+) dead endpoint\\(s\\): ([+-][\\d.]+) %");
        if (dead != null) {
            rows.add(new Row(dead.group(1) + " dead endpoint(s): healthy throughput", ">= -10 %", dead.group(2) + " %",
                verdict(num(dead, 2) >= -10)));
        }
    }

    private static void others(String out, List<Row> rows) {
        MatchResult crash = find(out, "CrashTest\\| summary: (\\d+) runs; notifications acked (\\d+), .*?lost (\\d+);.*?duplicates (\\d+), "
            + "deliveries in flight at kill (\\d+); problems (\\d+)");
        if (crash != null) {
            rows.add(new Row("kill -9 x" + crash.group(1) + " under load", "0 lost, 0 problems", "acked " + crash.group(2) + ", lost "
                + crash.group(3) + ", duplicates " + crash.group(4) + " (in flight " + crash.group(5) + "), problems " + crash.group(6),
                verdict(num(crash, 3) == 0 && num(crash, 6) == 0)));
        }
        MatchResult scale = find(out, "ScaleOutBenchmark\\| summary: ingest ([\\d,]+) .*?-> ([\\d,]+) notifications/s with two \\(x([\\d.]+)\\);"
            + ".*?duplicates (\\d+), (\\d+) \\(one engine\\) and (\\d+) \\(two engines\\)");
        if (scale != null) {
            rows.add(new Row("two instances, one PostgreSQL: ingest", ">= 1.7 x one", scale.group(2) + " /s against " + scale.group(1)
                + " /s: x" + scale.group(3) + "; duplicates " + scale.group(6), verdict(num(scale, 3) >= 1.7 && num(scale, 6) == 0)));
        }
        MatchResult startup = find(out, "StartupBenchmark\\| uber-jar\\s+ready .*?\\(median ([\\d.]+)\\)");
        if (startup != null) {
            rows.add(new Row("start to ready, median of 3 (uber jar)", "<= 12 s", startup.group(1) + " s", verdict(num(startup, 1) <= 12)));
        }
    }

    private static Row missing(String what) {
        return new Row(what, "", "no figure: see the benchmark's output above", "?");
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "no";
    }

    private static double num(MatchResult matcher, int group) {
        return Double.parseDouble(matcher.group(group).replace(",", ""));
    }

    private static MatchResult find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.toMatchResult() : null;
    }

    private static MatchResult last(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        MatchResult found = null;
        while (matcher.find()) {
            found = matcher.toMatchResult();
        }
        return found;
    }

    private All() {
    }
}
