package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.provider.npatobarai.GoodsLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NP Atobarai client against WireMock playing NP. */
class NpAtobaraiClientTest {

    WireMockServer np;
    NpCredentials account;
    final NpAtobaraiClient client = new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(2));

    static final NpTransaction ORDER = new NpTransaction("0c2f-uuid", LocalDate.of(2026, 11, 20), 2100,
        new NpCustomer("Yamada Hanako", null, "150-0002", "TokyoShibuya-ku1-2-3 Shibuya", "0312345678", "hanako@example.jp"),
        new NpCustomer("Yamada Hanako", "ACME", "150-0002", "TokyoShibuya-ku1-2-3 Shibuya", "0312345678", null),
        List.of(new GoodsLine("TEST-SKU", 1000, 2), new GoodsLine("Voucher", -100, 1), new GoodsLine("Shipping", 200, 1)));

    @BeforeEach
    void start() {
        np = new WireMockServer(options().dynamicPort());
        np.start();
        account = new NpCredentials(URI.create(np.baseUrl() + "/v1"), "merchant-1", "sp-secret", "terminal-9");
    }

    @AfterEach
    void stop() {
        np.stop();
    }

    @Test
    void registerSendsTheItemWithCredentialsAndReadsAnApproval() {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"00\"}]}")));

        NpOutcome outcome = client.register(account, ORDER);

        NpOutcome.Accepted accepted = assertInstanceOf(NpOutcome.Accepted.class, outcome);
        assertEquals("12345678901", accepted.npTransactionId());
        assertEquals(CreditCheck.Verdict.APPROVED, accepted.creditCheck().verdict());
        np.verify(postRequestedFor(urlEqualTo("/v1/transactions"))
            .withHeader("Authorization", equalTo("Basic bWVyY2hhbnQtMTpzcC1zZWNyZXQ="))
            .withHeader("X-NP-Terminal-Id", equalTo("terminal-9"))
            .withRequestBody(equalToJson("""
                {"transactions":[{"shop_transaction_id":"0c2f-uuid","shop_order_date":"2026-11-20",
                  "settlement_type":"02","billed_amount":2100,
                  "customer":{"customer_name":"Yamada Hanako","zip_code":"150-0002",
                    "address":"TokyoShibuya-ku1-2-3 Shibuya","tel":"0312345678","email":"hanako@example.jp"},
                  "dest_customer":{"customer_name":"Yamada Hanako","company_name":"ACME","zip_code":"150-0002",
                    "address":"TokyoShibuya-ku1-2-3 Shibuya","tel":"0312345678"},
                  "goods":[{"goods_name":"TEST-SKU","goods_price":1000,"quantity":2},
                           {"goods_name":"Voucher","goods_price":-100,"quantity":1},
                           {"goods_name":"Shipping","goods_price":200,"quantity":1}]}]}""")));
    }

    @Test
    void holdReasonsAndRefusalsAreRead() {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"10\",\"authori_hold\":[\"RE015\",\"RE021\"]}]}")));
        CreditCheck hold = ((NpOutcome.Accepted) client.register(account, ORDER)).creditCheck();
        assertEquals(CreditCheck.Verdict.ON_HOLD, hold.verdict());
        assertEquals(List.of("RE015", "RE021"), hold.holdCodes());

        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"20\",\"authori_ng\":\"NG999\"}]}")));
        CreditCheck refused = ((NpOutcome.Accepted) client.register(account, ORDER)).creditCheck();
        assertEquals(CreditCheck.Verdict.REFUSED, refused.verdict());
        assertEquals("NG999", refused.refusalCode());
    }

    @Test
    void updateCarriesTheNpTransactionId() {
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"00\"}]}")));

        assertInstanceOf(NpOutcome.Accepted.class, client.update(account, "12345678901", ORDER));

        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/update"))
            .withRequestBody(matchingJsonPath("$.transactions[0].np_transaction_id", equalTo("12345678901")))
            .withRequestBody(matchingJsonPath("$.transactions[0].billed_amount", equalTo("2100"))));
    }

    @Test
    void cancelAndShipmentReport() {
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\"}]}")));
        np.stubFor(post("/v1/shipments").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\"}]}")));

        NpOutcome.Accepted cancelled = assertInstanceOf(NpOutcome.Accepted.class, client.cancel(account, "12345678901"));
        assertNull(cancelled.creditCheck());
        assertInstanceOf(NpOutcome.Accepted.class, client.reportShipment(account, "12345678901", "50000", "1234567890"));

        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/cancel"))
            .withRequestBody(equalToJson("{\"transactions\":[{\"np_transaction_id\":\"12345678901\"}]}")));
        np.verify(postRequestedFor(urlEqualTo("/v1/shipments")).withRequestBody(equalToJson(
            "{\"transactions\":[{\"np_transaction_id\":\"12345678901\",\"pd_company_code\":\"50000\",\"slip_no\":\"1234567890\"}]}")));
    }

    @Test
    void errorsCarryTheirCodes() {
        np.stubFor(post("/v1/transactions").willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"errors\":[{\"codes\":[\"E0100002\",\"E0100113\"],\"id\":\"x\"}]}")));

        NpOutcome.Refused refused = assertInstanceOf(NpOutcome.Refused.class, client.register(account, ORDER));

        assertEquals(400, refused.httpStatus());
        assertEquals(List.of("E0100002", "E0100113"), refused.codes());
        assertTrue(refused.message().contains("E0100113"));
    }

    @Test
    void moreThanOneResultOrGarbageIsRefused() {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"1\",\"authori_result\":\"00\"},{\"np_transaction_id\":\"2\",\"authori_result\":\"00\"}]}")));
        assertInstanceOf(NpOutcome.Refused.class, client.register(account, ORDER));

        np.stubFor(post("/v1/transactions").willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        assertInstanceOf(NpOutcome.Refused.class, client.register(account, ORDER));
    }

    @Test
    void aSlowAnswerIsATimeout() {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"00\"}]}").withFixedDelay(3500)));

        long started = System.nanoTime();
        NpOutcome.Unavailable unavailable = assertInstanceOf(NpOutcome.Unavailable.class, client.register(account, ORDER));

        assertTrue(unavailable.timedOut());
        assertEquals("Timeout Error", unavailable.description());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3400);
    }

    @Test
    void credentialsCheckTreats400AsValid() {
        np.stubFor(post("/v1/authorizations/find").willReturn(aResponse().withStatus(400).withBody("{\"errors\":[]}")));
        assertInstanceOf(NpOutcome.Accepted.class, client.checkCredentials(account));

        np.stubFor(post("/v1/authorizations/find").willReturn(aResponse().withStatus(401)));
        assertInstanceOf(NpOutcome.Refused.class, client.checkCredentials(account));
    }
}
