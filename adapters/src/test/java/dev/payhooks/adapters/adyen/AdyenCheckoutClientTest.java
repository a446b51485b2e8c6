package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Account;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Checkout client against WireMock playing Adyen. */
class AdyenCheckoutClientTest {

    WireMockServer adyen;
    Account account;
    final AdyenCheckoutClient client = new AdyenCheckoutClient(TestGates.sandbox(), Duration.ofSeconds(2));
    static final JsonObject REQUEST = Json.createObjectBuilder().add("merchantAccount", "ShopAB_ECOM")
        .add("amount", Json.createObjectBuilder().add("value", 1000).add("currency", "SEK")).build();

    @BeforeEach
    void start() {
        adyen = new WireMockServer(options().dynamicPort());
        adyen.start();
        account = new Account(URI.create(adyen.baseUrl() + "/v71"), "adyen-api-key-123456");
    }

    @AfterEach
    void stop() {
        adyen.stop();
    }

    @Test
    void paymentsSendsTheBodyWithTheApiKey() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));

        Outcome.Answered answered = assertInstanceOf(Outcome.Answered.class, client.payments(account, REQUEST));

        assertTrue(answered.ok());
        assertEquals("PSP1", answered.body().getString("pspReference"));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments"))
            .withHeader("X-API-Key", equalTo("adyen-api-key-123456"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(REQUEST.toString())));
    }

    @Test
    void everyEndpointOfTheContract() {
        adyen.stubFor(post(anyUrl()).willReturn(okJson("{\"status\": \"received\"}")));

        client.paymentMethods(account, REQUEST);
        client.paymentDetails(account, REQUEST);
        client.capture(account, "PSP1", REQUEST);
        client.cancel(account, "PSP1", REQUEST);
        client.refund(account, "PSP/1 x", REQUEST);

        adyen.verify(postRequestedFor(urlEqualTo("/v71/paymentMethods")));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/details")));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures")));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/PSP1/cancels")));
        // a reference is one path segment, whatever it contains
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/PSP%2F1%20x/refunds")));
    }

    @Test
    void anErrorAnswerKeepsAdyensBody() {
        adyen.stubFor(post("/v71/payments").willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
            .withBody("{\"status\": 422, \"errorCode\": \"14_0\", \"message\": \"Invalid amount\", \"errorType\": \"validation\"}")));

        Outcome.Answered answered = assertInstanceOf(Outcome.Answered.class, client.payments(account, REQUEST));

        assertFalse(answered.ok());
        assertEquals(422, answered.status());
        assertEquals("14_0", answered.body().getString("errorCode"));
    }

    @Test
    void aBodyThatIsNotJsonReadsAsEmpty() {
        adyen.stubFor(post("/v71/payments").willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));

        Outcome.Answered answered = assertInstanceOf(Outcome.Answered.class, client.payments(account, REQUEST));

        assertEquals(502, answered.status());
        assertTrue(answered.body().isEmpty());
    }

    @Test
    void aSlowAnswerIsATimeoutWithinTheBound() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"resultCode\": \"Authorised\"}").withFixedDelay(3500)));

        long started = System.nanoTime();
        assertInstanceOf(Outcome.TimedOut.class, client.payments(account, REQUEST));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3400);
    }

    @Test
    void noServerIsUnreachable() {
        adyen.stop();
        Outcome.Unreachable unreachable = assertInstanceOf(Outcome.Unreachable.class, client.payments(account, REQUEST));
        assertFalse(unreachable.description().contains("adyen-api-key"));
    }
}
