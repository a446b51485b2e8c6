package dev.payhooks.adapters.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.payhooks.adapters.outbound.PinnedHttpTransport.Answered;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook POSTs keep their connection per endpoint and checked address ({@link KeptConnections}). */
class KeptConnectionsTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    final PinnedHttpTransport transport = PinnedHttpTransport.withDefaultTrust("Payhooks/test");

    static PinnedHttpTransport.Request post(String url) {
        return new PinnedHttpTransport.Request(URI.create(url), LOOPBACK, Map.of(),
            "{\"event_id\":\"abc\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void consecutiveDeliveriesToAnEndpointShareOneConnection() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        List<String> connectionHeaders = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            connectionHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Connection")));
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getQuery() == null ? 204 : 200,
                exchange.getRequestURI().getQuery() == null ? -1 : answer.length);
            if (exchange.getRequestURI().getQuery() != null) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            for (int i = 0; i < 5; i++) {
                Answered answered = assertInstanceOf(Answered.class, transport.post(post(i % 2 == 0 ? url : url + "?body")));
                assertTrue(answered.success(), "attempt " + i);
            }
            assertEquals(1, clientPorts.size(), "one connection for all five: " + clientPorts);
            assertEquals(List.of("null", "null", "null", "null", "null"), connectionHeaders, "no Connection: close");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aKeptConnectionTheEndpointClosedIsReplacedWithoutLosingTheRequest() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, LOOPBACK)) {
            Thread endpoint = new Thread(() -> {
                // answers one request per connection, keep-alive in words, then closes the connection
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        readRequest(in);
                        requests.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(100);
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            endpoint.setDaemon(true);
            endpoint.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/hook";

            assertTrue(assertInstanceOf(Answered.class, transport.post(post(url))).success());
            Thread.sleep(300); // the endpoint has closed the kept connection by now
            Answered second = assertInstanceOf(Answered.class, transport.post(post(url)));

            assertTrue(second.success());
            assertEquals("ok", new String(second.bodyExcerpt(), StandardCharsets.UTF_8));
            assertEquals(2, requests.get());
            assertEquals(2, connections.get());
        }
    }

    /** Reads one request's head and its Content-Length body. */
    static void readRequest(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("closed");
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        int left = length.find() ? Integer.parseInt(length.group(1)) : 0;
        in.readNBytes(left);
    }

    @Test
    void aConnectionIsOnlyHandedOutForTheSameEndpointAndCheckedAddress() throws Exception {
        KeptConnections kept = new KeptConnections();
        Socket socket = new Socket();
        KeptConnections.Key key = new KeptConnections.Key("https", "hooks.example.com", 443, InetAddress.getByName("203.0.113.7"));
        kept.giveBack(key, socket);

        assertNull(kept.take(new KeptConnections.Key("https", "hooks.example.com", 443, InetAddress.getByName("203.0.113.8"))),
            "another address the guard approved gets its own connection");
        assertNull(kept.take(new KeptConnections.Key("https", "other.example.com", 443, InetAddress.getByName("203.0.113.7"))));
        assertNull(kept.take(new KeptConnections.Key("http", "hooks.example.com", 443, InetAddress.getByName("203.0.113.7"))));
        assertEquals(1, kept.idleCount(key));
        assertSame(socket, kept.take(key));
        assertNull(kept.take(key), "handed out once");
    }

    @Test
    void atMostThePerEndpointNumberOfConnectionsIdle() {
        KeptConnections kept = new KeptConnections();
        KeptConnections.Key key = new KeptConnections.Key("http", "127.0.0.1", 8080, LOOPBACK);
        List<Socket> sockets = new java.util.ArrayList<>();
        for (int i = 0; i < KeptConnections.MAX_IDLE_PER_KEY + 3; i++) {
            Socket s = new Socket();
            sockets.add(s);
            kept.giveBack(key, s);
        }

        assertEquals(KeptConnections.MAX_IDLE_PER_KEY, kept.idleCount(key));
        assertTrue(sockets.subList(KeptConnections.MAX_IDLE_PER_KEY, sockets.size()).stream().allMatch(Socket::isClosed));
    }
}
