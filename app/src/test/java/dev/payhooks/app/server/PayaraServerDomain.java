package dev.payhooks.app.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Payara Server domain of its own, driven with {@code asadmin} as an operator would: created
 * with a free port base, configured through system properties and a password alias, the WAR
 * deployed at "/". Stopped and left on disk (target/) for its server.log.
 */
final class PayaraServerDomain implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(8);

    private final Path payaraHome;
    private final Path domainsDir;
    private final String name;
    private final int portBase;

    PayaraServerDomain(Path payaraHome, Path domainsDir, String name) throws IOException {
        this.payaraHome = payaraHome;
        this.domainsDir = domainsDir;
        this.name = name;
        this.portBase = freePortBase();
        Files.createDirectories(domainsDir);
    }

    int adminPort() {
        return portBase + 48;
    }

    int httpPort() {
        return portBase + 80;
    }

    Path serverLog() {
        return domainsDir.resolve(name).resolve("logs").resolve("server.log");
    }

    void create() throws IOException, InterruptedException {
        asadmin(false, "create-domain", "--nopassword", "--portbase", String.valueOf(portBase),
            "--domaindir", domainsDir.toString(), name);
    }

    void start() throws IOException, InterruptedException {
        asadmin(false, "start-domain", "--domaindir", domainsDir.toString(), name);
    }

    void restart() throws IOException, InterruptedException {
        asadmin(false, "restart-domain", "--domaindir", domainsDir.toString(), name);
    }

    /** Stores a secret in the domain's password alias store; settings refer to it as {@code ${ALIAS=name}}. */
    void passwordAlias(String alias, String secret) throws IOException, InterruptedException {
        Path file = Files.createTempFile(domainsDir, "alias", ".txt");
        try {
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
            asadmin(true, "--passwordfile", file.toString(), "create-password-alias", alias);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Settings as server system properties, which MicroProfile Config reads (asadmin escapes ':' and '='). */
    void systemProperties(Map<String, String> settings) throws IOException, InterruptedException {
        String joined = settings.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\").replace(":", "\\:")
                .replace("=", "\\="))
            .collect(Collectors.joining(":"));
        asadmin(true, "create-system-properties", joined);
    }

    /** Adds options to the server's JVM (they apply from its next start); asadmin escapes ':'. */
    void jvmOptions(String options) throws IOException, InterruptedException {
        if (!options.isBlank()) {
            asadmin(true, "create-jvm-options", String.join(":", options.trim().replace(":", "\\:").split("\\s+")));
        }
    }

    void deploy(Path war) throws IOException, InterruptedException {
        asadmin(true, "deploy", "--contextroot", "/", "--name", "payhooks", war.toString());
    }

    /** Waits until {@code path} answers 200 over HTTP. */
    void awaitHttp(String path, Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " did not answer 200 within " + within + ": " + last);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asadmin(false, "stop-domain", "--domaindir", domainsDir.toString(), name);
    }

    private void asadmin(boolean remote, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        if (remote) {
            command.add("--port");
            command.add(String.valueOf(adminPort()));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("PAYHOOKS_"));  // settings come from the domain only
        environment.put("AS_JAVA", System.getProperty("java.home"));
        environment.put("AS_EXTRA_JAVA_OPTS", System.getProperty("payhooks.it.server.jvm", ""));  // asadmin's own JVM
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish within " + COMMAND_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", redacted(arguments)) + " failed ("
                + process.exitValue() + "):\n" + output);
        }
    }

    private static List<String> redacted(String... arguments) {
        List<String> shown = new ArrayList<>();
        for (String argument : arguments) {
            shown.add(argument.contains("master-key") || argument.contains("api-key") ? "(settings)" : argument);
        }
        return shown;
    }

    /** A port base whose admin, HTTP, HTTPS, IIOP and JMX ports are free now. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            // below the kernel's ephemeral range (32768 and up): a port checked free there can be taken
            // by any outgoing connection before the domain binds it
            int base = 20000 + (int) (Math.random() * 127) * 100;
            if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 86) && free(base + 37)
                && free(base + 38) && free(base + 39) && free(base + 9) && free(base + 66) && free(base + 76)) {
                return base;
            }
        }
        throw new IOException("no free port base for a Payara Server domain");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Settings in a stable order, for one create-system-properties call. */
    static Map<String, String> settings() {
        return new LinkedHashMap<>();
    }
}
