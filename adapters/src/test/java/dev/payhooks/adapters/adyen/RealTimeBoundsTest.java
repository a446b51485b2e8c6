package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.adapters.saleor.SaleorApiClient;
import dev.payhooks.application.saleor.TransactionReportDelivery.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's bounds with their real default values, once each (~21 s in all; every other
 * test uses short bounds): an Adyen call is cut at 15 s (a simulator that answers after 16 s),
 * a Saleor call at 5 s (one that answers after 6 s). The Adyen app makes no Saleor call during
 * initialize/process, so the Saleor bound is checked on the call it does make, the
 * transactionEventReport of the report sender.
 */
@Tag("real-time")
class RealTimeBoundsTest {

    WireMockServer slow;

    @BeforeEach
    void setUp() {
        slow = new WireMockServer(options().dynamicPort());
        slow.start();
    }

    @AfterEach
    void tearDown() {
        slow.stop();
    }

    @Test
    void adyenCallsAreCutAt15sAndSaleorCallsAt5s() {
        assertEquals(Duration.ofSeconds(15), AdyenCheckoutClient.DEFAULT_TIMEOUT);
        assertEquals(Duration.ofSeconds(5), SaleorApiClient.DEFAULT_TIMEOUT);

        slow.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson("{\"pspReference\": \"CAP1\"}")
            .withFixedDelay(16_000)));
        AdyenCheckoutClient adyen = new AdyenCheckoutClient(TestGates.sandbox(), AdyenCheckoutClient.DEFAULT_TIMEOUT);
        long started = System.nanoTime();
        AdyenCheckoutClient.Outcome outcome = adyen.capture(new AdyenCheckoutClient.Account(
            URI.create(slow.baseUrl() + "/v71"), "key"), "PSP1", jakarta.json.Json.createObjectBuilder().build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertInstanceOf(AdyenCheckoutClient.Outcome.TimedOut.class, outcome);
        assertTrue(took.compareTo(Duration.ofMillis(14_900)) >= 0 && took.compareTo(Duration.ofMillis(15_900)) < 0,
            "the Adyen call ended after " + took.toMillis() + " ms");

        slow.stubFor(post("/graphql/").willReturn(okJson("{\"data\":{\"transactionEventReport\":"
            + "{\"alreadyProcessed\":false,\"errors\":[]}}}").withFixedDelay(6_000)));
        SaleorApiClient saleor = dev.payhooks.adapters.saleor.LoopbackSaleor.client(SaleorApiClient.DEFAULT_TIMEOUT);
        started = System.nanoTime();
        Answer answer = saleor.reportTransactionEvent(URI.create(slow.baseUrl() + "/graphql/"), "token", "T",
            "CAP1", "CHARGE_SUCCESS", new BigDecimal("10.00"), Instant.now(), null);
        took = Duration.ofNanos(System.nanoTime() - started);
        Answer.NotDelivered notDelivered = assertInstanceOf(Answer.NotDelivered.class, answer);
        assertEquals("Saleor did not answer within 5000 ms", notDelivered.reason());
        assertTrue(took.compareTo(Duration.ofMillis(4_900)) >= 0 && took.compareTo(Duration.ofMillis(5_900)) < 0,
            "the Saleor call ended after " + took.toMillis() + " ms");
    }
}
