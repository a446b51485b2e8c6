package dev.payhooks.adapters.outbound;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Answered;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.ErrorClass;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Failed;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport against real HTTP and HTTPS servers on loopback. */
class PinnedHttpTransportTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    HttpServer server;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger redirectTargetHits = new AtomicInteger();
    final PinnedHttpTransport transport = PinnedHttpTransport.withDefaultTrust("Payhooks/test");

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Host") + "|" + exchange.getRequestHeaders().getFirst("X-Signature")
                + "|" + exchange.getRequestHeaders().getFirst("User-Agent") + "|" + new String(body, StandardCharsets.UTF_8));
            byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/target");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/big-error", exchange -> {
            exchange.sendResponseHeaders(500, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("e".repeat(10_000).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    PinnedHttpTransport.Request post(String url, Map<String, String> headers, Duration total) {
        return new PinnedHttpTransport.Request(URI.create(url), LOOPBACK, headers,
            "{\"event_id\":\"abc\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2), total);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Test
    void postsToThePinnedAddressWithTheUrlsHostName() {
        Outcome outcome = transport.post(post("http://hooks.example.com:" + port() + "/ok", Map.of("X-Signature", "cafe"), Duration.ofSeconds(5)));

        Answered answered = assertInstanceOf(Answered.class, outcome);
        assertTrue(answered.success());
        assertEquals("thanks", new String(answered.bodyExcerpt(), StandardCharsets.UTF_8));
        assertEquals("120", answered.header("Retry-After"));
        assertEquals(List.of("hooks.example.com:" + port() + "|cafe|Payhooks/test|{\"event_id\":\"abc\"}"), received);
    }

    @Test
    void redirectsAreNotFollowed() {
        Answered answered = assertInstanceOf(Answered.class, transport.post(post("http://127.0.0.1:" + port() + "/redirect", Map.of(), Duration.ofSeconds(5))));

        assertEquals(302, answered.status());
        assertEquals(0, redirectTargetHits.get());
    }

    @Test
    void onlyAnExcerptOfALargeChunkedAnswerIsKept() {
        Answered answered = assertInstanceOf(Answered.class, transport.post(post("http://127.0.0.1:" + port() + "/big-error", Map.of(), Duration.ofSeconds(5))));

        assertEquals(500, answered.status());
        assertEquals(PinnedHttpTransport.EXCERPT_BYTES, answered.bodyExcerpt().length);
    }

    @Test
    void aSlowEndpointTimesOutAtTheDeadline() {
        Failed failed = assertInstanceOf(Failed.class, transport.post(post("http://127.0.0.1:" + port() + "/slow", Map.of(), Duration.ofMillis(400))));

        assertEquals(ErrorClass.TIMEOUT, failed.error());
        assertTrue(failed.latency().toMillis() < 2_000, failed.latency().toString());
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            closed = socket.getLocalPort();
        }
        Failed failed = assertInstanceOf(Failed.class, transport.post(post("http://127.0.0.1:" + closed + "/", Map.of(), Duration.ofSeconds(2))));

        assertEquals(ErrorClass.CONNECTION_REFUSED, failed.error());
    }

    @Test
    void headerValuesCannotSmuggleLines() {
        assertThrows(IllegalArgumentException.class,
            () -> transport.post(post("http://127.0.0.1:" + port() + "/ok", Map.of("X-Evil", "a\r\nHost: other"), Duration.ofSeconds(2))));
    }

    @Test
    void tlsIsVerifiedAgainstTheUrlsHostNameNotTheAddress(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
            "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
            "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        https.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        https.start();
        try {
            PinnedHttpTransport trusting = new PinnedHttpTransport(clientTls, "Payhooks/test");
            int port = https.getAddress().getPort();

            Answered answered = assertInstanceOf(Answered.class,
                trusting.post(post("https://localhost:" + port + "/hook", Map.of(), Duration.ofSeconds(5))));
            assertEquals(204, answered.status());
            assertArrayEquals(new byte[0], answered.bodyExcerpt());

            Failed wrongName = assertInstanceOf(Failed.class,
                trusting.post(post("https://hooks.example.com:" + port + "/hook", Map.of(), Duration.ofSeconds(5))));
            assertEquals(ErrorClass.TLS, wrongName.error());
        } finally {
            https.stop(0);
        }
    }
}
