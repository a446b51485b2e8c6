package dev.payhooks.app.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro running the built WAR for every integration test class of a test run that
 * asks for it ({@code @ExtendWith(SharedServer.class)} and a {@code @SharedServer.Url URL} field),
 * instead of one server per class: started by the first such class, stopped when the run's
 * JUnit session ends. It runs as the Arquillian container does ({@code arquillian.xml}): the same
 * Payara Micro, WAR, options and environment (the failsafe configuration's variables reach it
 * through this JVM). The classes share it as they already share the database, so each works on
 * data of its own (random slugs, users and labels) and never counts what others made.
 */
public final class SharedServer implements TestInstancePostProcessor {

    /** The base URL of the shared server ({@code http://127.0.0.1:<port>/}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Url {
    }

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(420);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
        Running server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(),
            Running.class);
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Url.class)) {
                    field.setAccessible(true);
                    field.set(test, server.url());
                }
            }
        }
    }

    /** The server process; JUnit closes it when the session's root context ends. */
    record Running(Process process, URL url, Path log) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            try {
                Path war = Path.of(System.getProperty("payhooks.it.war")).toAbsolutePath();
                Path target = war.getParent();
                int port = freePort();
                Path log = target.resolve("shared-server-" + port + ".log");
                // the JVM's default JIT: this server lives for the whole run and signs staff in many
                // times, and PBKDF2 runs well over twice as long without the optimising compiler
                List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                command.addAll(List.of("-jar", target.resolve("payara-micro.jar").toString(), "--deploy", war.toString(),
                    "--port", String.valueOf(port), "--nocluster", "--nohazelcast",
                    "--prebootcommandfile", "src/main/payara/pre-boot-commands.txt"));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                awaitReady(process, port, log, STARTUP_TIMEOUT);
                return new Running(process, URI.create("http://127.0.0.1:" + port + "/").toURL(), log);
            } catch (Exception e) {
                throw new IllegalStateException("the shared server did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** A server process of the uber jar, as operators start it: its port, and the file its output goes to. */
    record JarServer(Process process, int port, Path log) {
    }

    /**
     * Starts the uber jar ({@code target/payhooks.jar}) in {@code work} on a free port, its output
     * in {@code <name>.log} there; its environment is this JVM's (Failsafe's) with {@code environment}
     * added. Does not wait for it: {@link #awaitReady}.
     */
    static JarServer startJar(Path work, String name, Map<String, String> environment) throws java.io.IOException {
        Files.createDirectories(work);
        int port = freePort();
        Path log = work.resolve(name + ".log");
        List<String> command = javaCommand();
        command.addAll(List.of("-Xmx512m", "-jar", Path.of("target/payhooks.jar").toAbsolutePath().toString(),
            "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new JarServer(builder.start(), port, log);
    }

    /**
     * {@code java} of this JVM's runtime with the options of the short-lived servers a test starts
     * for itself ({@code payhooks.it.server.jvm}, set by the build): a mutable list to add the rest to.
     */
    static List<String> javaCommand() {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty("payhooks.it.server.jvm", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        return command;
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /health/ready} answers 200; fails at once with the log's end when the process stops. */
    static void awaitReady(Process process, int port, Path log, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build();
        boolean up = Eventually.holds(timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server stopped: " + tail(log));
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false; // not listening yet
            }
        });
        if (!up) {
            throw new AssertionError("not ready within " + timeout.toSeconds() + " s: " + tail(log));
        }
    }

    /** The last 40 lines of a server's log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
