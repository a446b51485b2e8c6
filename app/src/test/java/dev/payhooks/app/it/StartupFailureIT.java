package dev.payhooks.app.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uber jar refuses to run, with one clear line and exit code 1, when a setting is unusable,
 * its database is unreachable or a migration fails: never a half-started server.
 */
class StartupFailureIT {

    static final Path JAR = Paths.get("target/payhooks.jar");
    static final Path WORK = Paths.get("target/startup-failure-it");

    record Outcome(int exitCode, String output) { }

    Outcome run(String dbUrl, String name) throws Exception {
        return run(dbUrl, name, java.util.Map.of());
    }

    Outcome run(String dbUrl, String name, java.util.Map<String, String> environment) throws Exception {
        Files.createDirectories(WORK);
        Path log = WORK.resolve(name + ".log");
        List<String> command = SharedServer.javaCommand();
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--port", String.valueOf(SharedServer.freePort())));
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("PAYHOOKS_DB_URL", dbUrl);
        builder.environment().remove("PAYHOOKS_ADMIN_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(150, TimeUnit.SECONDS), "the server should have stopped by itself");
            return new Outcome(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }

    static long linesContaining(String output, String text) {
        return output.lines().filter(l -> l.startsWith(text)).count();
    }

    @Test
    void unreachableDatabaseStopsTheServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Outcome outcome = run("jdbc:postgresql://127.0.0.1:" + closedPort + "/payhooks?user=payhooks&password=not-logged", "unreachable");

        assertEquals(1, outcome.exitCode(), outcome.output());
        assertEquals(1, linesContaining(outcome.output(),
            "Payhooks cannot start: database jdbc:postgresql://127.0.0.1:" + closedPort + "/payhooks?… is unreachable: Connection refused"),
            outcome.output());
        assertTrue(!outcome.output().contains("not-logged"), "the password must not appear in the output");
    }

    @Test
    void failingMigrationStopsTheServer() throws Exception {
        Path db = WORK.resolve("broken-db").toAbsolutePath();
        deleteRecursively(db);
        String url = "jdbc:h2:file:" + db.resolve("payhooks");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // a table in the way of the first migration
            s.execute("create table staff_user (squatter int)");
        }

        Outcome outcome = run(url, "migration");

        assertEquals(1, outcome.exitCode(), outcome.output());
        List<String> reasons = outcome.output().lines()
            .filter(l -> l.startsWith("Payhooks cannot start: database migration failed on " + url)).toList();
        assertEquals(1, reasons.size(), outcome.output());
    }

    @Test
    void aRetentionPeriodShorterThanProvidersResendStopsTheServer() throws Exception {
        Path db = WORK.resolve("retention-db").toAbsolutePath();
        deleteRecursively(db);

        Outcome outcome = run("jdbc:h2:file:" + db.resolve("payhooks"), "retention",
            java.util.Map.of("PAYHOOKS_RETENTION_NOTIFICATION_DAYS", "10"));

        assertEquals(1, outcome.exitCode(), outcome.output());
        assertEquals(1, linesContaining(outcome.output(), "Payhooks cannot start: payhooks.retention: notification retention"
            + " must be at least 31 days (was 10 days; 0 keeps records for ever)"), outcome.output());
    }

    @Test
    void anUnusableSettingStopsTheServerNamingIt() throws Exception {
        Path db = WORK.resolve("settings-db").toAbsolutePath();
        deleteRecursively(db);
        Outcome outcome = run("jdbc:h2:file:" + db.resolve("payhooks"), "settings",
            java.util.Map.of("PAYHOOKS_DELIVERY_BATCH_SIZE", "lots", "PAYHOOKS_METRICS_TOKEN", "not-logged-token"));

        assertEquals(1, outcome.exitCode(), outcome.output());
        assertEquals(1, outcome.output().lines().filter(l -> l.startsWith(
            "Payhooks cannot start: payhooks.delivery.batch-size (PAYHOOKS_DELIVERY_BATCH_SIZE) = 'lots' from ")).count(),
            outcome.output());
        assertTrue(!outcome.output().contains("not-logged-token"), "no secret in the output");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
