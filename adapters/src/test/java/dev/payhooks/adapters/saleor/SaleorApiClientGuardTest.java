package dev.payhooks.adapters.saleor;

import com.sun.net.httpserver.HttpServer;
import dev.payhooks.adapters.outbound.Cidr;
import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.ProviderGate;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls to Saleor pass the SSRF guard: an address inside the hub's network gets nothing sent unless the allow-list opens it. */
class SaleorApiClientGuardTest {

    HttpServer saleor;
    final AtomicInteger requests = new AtomicInteger();
    URI apiUrl;

    @BeforeEach
    void start() throws Exception {
        saleor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        saleor.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"data\":{\"app\":{\"id\":\"app-1\"}}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        saleor.start();
        apiUrl = URI.create("http://127.0.0.1:" + saleor.getAddress().getPort() + "/graphql/");
    }

    @AfterEach
    void stop() {
        saleor.stop(0);
    }

    SaleorApiClient client(boolean production, List<Cidr> allowed) {
        return new SaleorApiClient(Duration.ofSeconds(2), ProviderGate.guardFor(production, allowed, InetAddress::getAllByName),
            PinnedHttpTransport.withDefaultTrust("Payhooks-test"));
    }

    @Test
    void inProductionALoopbackSaleorIsNotCalledAndTheReasonIsGiven() {
        SaleorApiClient.GraphQlAnswer plain = client(true, List.of()).graphQl(apiUrl, "token", "{ app { id } }",
            Json.createObjectBuilder().build());
        assertTrue(plain.problem().contains("may not be called: must be an https URL"), plain.problem());

        URI https = URI.create("https://127.0.0.1:" + saleor.getAddress().getPort() + "/graphql/");
        SaleorApiClient.GraphQlAnswer internal = client(true, List.of()).graphQl(https, "token", "{ app { id } }",
            Json.createObjectBuilder().build());
        assertTrue(internal.problem().contains("points into a private or internal network"), internal.problem());
        assertTrue(client(true, List.of()).jwks(https).isEmpty());

        assertEquals(0, requests.get(), "nothing was sent");
    }

    @Test
    void anAllowListEntryOpensTheAddressAndTheAnswerIsRead() {
        assertEquals("app-1", client(false, List.of(Cidr.parse("127.0.0.0/8"))).appId(apiUrl, "token").orElseThrow());
        assertEquals(1, requests.get());
    }
}
