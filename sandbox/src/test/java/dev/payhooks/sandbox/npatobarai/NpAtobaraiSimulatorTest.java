package dev.payhooks.sandbox.npatobarai;

import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpCredentials;
import dev.payhooks.adapters.npatobarai.NpCustomer;
import dev.payhooks.adapters.npatobarai.NpOutcome;
import dev.payhooks.adapters.npatobarai.NpTransaction;
import dev.payhooks.adapters.outbound.TestGates;
import com.sun.net.httpserver.HttpServer;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.provider.npatobarai.HoldReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The sandbox simulator, spoken to by the real NP client: the two agree on the contract. */
class NpAtobaraiSimulatorTest {

    HttpServer server;
    NpCredentials account;
    final NpAtobaraiSimulator simulator = new NpAtobaraiSimulator();
    final NpAtobaraiClient client = new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(2));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            NpAtobaraiSimulator.Answer answer = simulator.handle(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath().substring("/v1/".length()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-NP-Terminal-Id"), body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        account = new NpCredentials(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"), "m", "sp", "t");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static NpTransaction order(String name) {
        return new NpTransaction("tok-1", java.time.LocalDate.of(2026, 11, 20), 2100,
            new NpCustomer(name, null, "150-0002", "Tokyo", "0312345678", "a@b.jp"),
            new NpCustomer(name, null, "150-0002", "Tokyo", "0312345678", null),
            List.of(new dev.payhooks.domain.provider.npatobarai.GoodsLine("TEST-SKU", 1050, 2)));
    }

    CreditCheck check(NpOutcome outcome) {
        return assertInstanceOf(NpOutcome.Accepted.class, outcome).creditCheck();
    }

    @Test
    void magicWordsPickTheCreditCheck() {
        assertEquals(CreditCheck.Verdict.APPROVED, check(client.register(account, order("Yamada Hanako"))).verdict());
        for (HoldReason reason : HoldReason.values()) {
            CreditCheck held = check(client.register(account, order("Yamada " + reason.code())));
            assertEquals(CreditCheck.Verdict.ON_HOLD, held.verdict());
            assertEquals(List.of(reason.code()), held.holdCodes());
        }
        assertEquals("20", check(client.register(account, order("Yamada NG20"))).resultCode());
        assertEquals("40", check(client.register(account, order("Yamada NG40"))).resultCode());
    }

    @Test
    void holdThenUpdateCancelAndShip() {
        NpOutcome.Accepted held = (NpOutcome.Accepted) client.register(account, order("Yamada RE015"));
        String id = held.npTransactionId();
        assertEquals(11, id.length());

        assertEquals(CreditCheck.Verdict.APPROVED, check(client.update(account, id, order("Yamada Hanako"))).verdict());
        assertInstanceOf(NpOutcome.Accepted.class, client.reportShipment(account, id, "50000", "1234567890"));
        assertInstanceOf(NpOutcome.Refused.class, client.reportShipment(account, id, "ABC", "1234567890"));
        assertInstanceOf(NpOutcome.Accepted.class, client.cancel(account, id));
        assertInstanceOf(NpOutcome.Refused.class, client.reportShipment(account, id, "50000", "1234567890"));
        assertInstanceOf(NpOutcome.Refused.class, client.update(account, "00000000000", order("x")));
        assertInstanceOf(NpOutcome.Accepted.class, client.checkCredentials(account));
    }

    @Test
    void findAnswersATransactionsLatestCreditCheck() {
        String id = ((NpOutcome.Accepted) client.register(account, order("Yamada RE009"))).npTransactionId();
        CreditCheck held = check(client.find(account, id));
        assertEquals(CreditCheck.Verdict.ON_HOLD, held.verdict());
        assertEquals(List.of("RE009"), held.holdCodes());

        client.update(account, id, order("Yamada Hanako"));
        assertEquals(CreditCheck.Verdict.APPROVED, check(client.find(account, id)).verdict());
        assertInstanceOf(NpOutcome.Refused.class, client.find(account, "00000000000"));
    }
}
