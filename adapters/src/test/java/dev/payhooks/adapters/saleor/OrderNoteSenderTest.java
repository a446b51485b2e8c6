package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.InMemoryOrderNotes;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.SaleorInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order notes through Saleor's GraphQL API (WireMock), bounded: a slow Saleor is a warning, not a wait. */
class OrderNoteSenderTest {

    WireMockServer saleor;
    String apiUrl;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T07:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryOrderNotes notes = new InMemoryOrderNotes();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    OrderNoteSender sender;

    @BeforeEach
    void setUp() {
        saleor = new WireMockServer(options().dynamicPort());
        saleor.start();
        warmUp(saleor.baseUrl());
        apiUrl = saleor.baseUrl() + "/graphql/";
        installations.add(SaleorInstallation.install(apiUrl, ProviderId.NP_ATOBARAI, "m-1", "QXBwOjE0",
            secrets.seal("app-token", SaleorInstallation.tokenContext(apiUrl, ProviderId.NP_ATOBARAI)), "{\"keys\":[]}",
            clock.instant()));
        UnitOfWork direct = new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
        sender = new OrderNoteSender(notes, new SaleorAppTokens(installations, secrets, direct),
            LoopbackSaleor.client(Duration.ofSeconds(1)), direct, clock);
        notes.add(OrderNote.toSend("n-1", apiUrl, ProviderId.NP_ATOBARAI, "T3JkZXI6MQ==",
            "Successfully reported fulfillment for tracking number 1234567890", clock.instant()));
    }

    /** WireMock's first answer can take long on a busy machine; the bound under test is not about that. */
    static void warmUp(String baseUrl) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the tests themselves will say what is wrong
        }
    }

    @AfterEach
    void tearDown() {
        saleor.stop();
    }

    @Test
    void aNoteIsAddedWithTheAppToken() {
        saleor.stubFor(post("/graphql/").willReturn(okJson(
            "{\"data\":{\"orderNoteAdd\":{\"event\":{\"id\":\"RXZlbnQ6MQ==\"},\"errors\":[]}}}")));

        assertEquals(1, sender.sendPending());

        saleor.verify(postRequestedFor(urlEqualTo("/graphql/"))
            .withHeader("Authorization", equalTo("Bearer app-token"))
            .withRequestBody(matchingJsonPath("$.query", containing("orderNoteAdd")))
            .withRequestBody(matchingJsonPath("$.variables.order", equalTo("T3JkZXI6MQ==")))
            .withRequestBody(matchingJsonPath("$.variables.message",
                equalTo("Successfully reported fulfillment for tracking number 1234567890"))));
        assertEquals(OrderNote.Status.SENT, notes.ofOrder("T3JkZXI6MQ==").get(0).status());
    }

    @Test
    void aSlowSaleorIsAWarningAndTheNoteIsGivenUpAfterItsAttempts() {
        saleor.stubFor(post("/graphql/").willReturn(okJson("{\"data\":{}}").withFixedDelay(2500)));

        long started = System.nanoTime();
        assertEquals(0, sender.sendPending());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2400, "the call was not bounded");

        OrderNote note = notes.ofOrder("T3JkZXI6MQ==").get(0);
        assertEquals(OrderNote.Status.PENDING, note.status());
        assertEquals(1, note.attempts());
        assertTrue(note.warning().contains("did not answer within 1000 ms"), note.warning());

        assertEquals(0, sender.sendPending());  // held for a minute before it is tried again
        saleor.verify(1, postRequestedFor(urlEqualTo("/graphql/")));
        for (int attempt = 2; attempt <= OrderNote.MAX_ATTEMPTS + 1; attempt++) {
            clock.advance(Duration.ofSeconds(61));
            sender.sendPending();
        }
        assertEquals(OrderNote.Status.FAILED, note.status());
        assertEquals(OrderNote.MAX_ATTEMPTS, note.attempts());
        saleor.verify(OrderNote.MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/graphql/")));
    }

    @Test
    void graphQlErrorsAreAWarningToo() {
        saleor.stubFor(post("/graphql/").willReturn(okJson(
            "{\"data\":{\"orderNoteAdd\":{\"event\":null,\"errors\":[{\"field\":\"order\",\"code\":\"NOT_FOUND\"}]}}}")));

        sender.sendPending();

        String warning = notes.ofOrder("T3JkZXI6MQ==").get(0).warning();
        assertTrue(warning.contains("NOT_FOUND"), warning);
    }
}
