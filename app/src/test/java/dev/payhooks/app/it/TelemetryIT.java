package dev.payhooks.app.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        SharedServer.JarServer started = SharedServer.startJar(WORK, "server", Map.of(
            "PAYHOOKS_DB_URL", "jdbc:h2:file:" + WORK.resolve("payhooks"),
            "PAYHOOKS_DATA_DIR", WORK.resolve("data").toString(),
            "OTEL_SDK_DISABLED", "false",
            "OTEL_SERVICE_NAME", "payhooks-it",
            "OTEL_TRACES_EXPORTER", "otlp",
            "OTEL_METRICS_EXPORTER", "none",
            "OTEL_LOGS_EXPORTER", "none",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
            "OTEL_BSP_SCHEDULE_DELAY", "200"));
        Process server = started.process();
        int port = started.port();
        Path log = started.log();
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
