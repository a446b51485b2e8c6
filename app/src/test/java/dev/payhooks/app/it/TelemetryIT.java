package dev.payhooks.app.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces with the standard OpenTelemetry settings and nothing of the hub's own: the uber jar
 * started with {@code OTEL_SDK_DISABLED=false} and an OTLP/HTTP endpoint exports a span for each
 * API request, named by its route, to that endpoint (here a receiver on loopback). Its own H2
 * database, so it shares nothing with the other tests.
 */
class TelemetryIT {

    static final Path JAR = Path.of("target/payhooks.jar");
    static final Path WORK = Path.of("target/telemetry-it").toAbsolutePath();
    static final String KEY = System.getProperty("payhooks.it.api.key");

    @Test
    void anApiRequestIsExportedAsASpanToTheConfiguredCollector() throws Exception {
        List<byte[]> exported = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Files.createDirectories(WORK);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = WORK.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "--port", String.valueOf(port))
            .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("PAYHOOKS_DB_URL", "jdbc:h2:file:" + WORK.resolve("payhooks"));
        environment.put("PAYHOOKS_DATA_DIR", WORK.resolve("data").toString());
        environment.put("OTEL_SDK_DISABLED", "false");
        environment.put("OTEL_SERVICE_NAME", "payhooks-it");
        environment.put("OTEL_TRACES_EXPORTER", "otlp");
        environment.put("OTEL_METRICS_EXPORTER", "none");
        environment.put("OTEL_LOGS_EXPORTER", "none");
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort());
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        Process server = builder.start();
        try {
            SharedServer.awaitReady(server, port, log, Duration.ofSeconds(240));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> merchant = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/merchant"))
                .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, merchant.statusCode(), merchant.body());

            // OTLP/HTTP sends protobuf: the service name and the request's path are in it as plain bytes
            assertTrue(Eventually.holds(Duration.ofSeconds(20), () -> exported.stream()
                    .map(body -> new String(body, StandardCharsets.ISO_8859_1))
                    .anyMatch(body -> body.contains("payhooks-it") && body.contains("/api/v1/merchant"))),
                () -> exported.size() + " exports, none with the request's span; server log: " + SharedServer.tail(log));
        } finally {
            server.destroy();
            server.waitFor();
            collector.stop(0);
        }
    }
}
