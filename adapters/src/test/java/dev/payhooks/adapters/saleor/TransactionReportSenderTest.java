package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.TransactionReportDelivery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.InMemoryTransactionReports;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.TransactionReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** transactionEventReport from the outbox to Saleor's GraphQL API (WireMock), bounded and retried. */
class TransactionReportSenderTest {

    static final String SALEOR_ID = "VHJhbnNhY3Rpb25JdGVtOjE=";
    static final String TAKEN = "{\"data\":{\"transactionEventReport\":{\"alreadyProcessed\":false,"
        + "\"transactionEvent\":{\"id\":\"VHJhbnNhY3Rpb25FdmVudDox\"},\"errors\":[]}}}";

    WireMockServer saleor;
    String apiUrl;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryTransactionReports reports = new InMemoryTransactionReports();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    TransactionReportSender sender;
    TransactionReport report;

    @BeforeEach
    void setUp() {
        saleor = new WireMockServer(options().dynamicPort());
        saleor.start();
        OrderNoteSenderTest.warmUp(saleor.baseUrl());
        apiUrl = saleor.baseUrl() + "/graphql/";
        installations.add(SaleorInstallation.install(apiUrl, ProviderId.ADYEN, "m-1", "QXBwOjE0",
            secrets.seal("app-token", SaleorInstallation.tokenContext(apiUrl, ProviderId.ADYEN)), "{\"keys\":[]}",
            clock.instant()));
        UnitOfWork direct = new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
        sender = new TransactionReportSender(reports, new SaleorAppTokens(installations, secrets, direct),
            LoopbackSaleor.client(Duration.ofMillis(700)), direct, clock);
        report = TransactionReport.toSend("r-1", "m-1", dev.payhooks.domain.payment.TransactionId.of("adyen-1"), apiUrl,
            ProviderId.ADYEN, SALEOR_ID, "CAP1", "CHARGE_SUCCESS", "10.00",
            Instant.parse("2026-11-23T09:59:58Z"), "Adyen CAPTURE", clock.instant());
        reports.add(report);
    }

    @AfterEach
    void tearDown() {
        saleor.stop();
    }

    @Test
    void theReportIsSentWithTheAppTokenAndTheContractsFields() {
        saleor.stubFor(post("/graphql/").willReturn(okJson(TAKEN)));

        assertEquals(1, sender.sendDue());

        saleor.verify(postRequestedFor(urlEqualTo("/graphql/"))
            .withHeader("Authorization", equalTo("Bearer app-token"))
            .withRequestBody(matchingJsonPath("$.query", containing("transactionEventReport(")))
            .withRequestBody(matchingJsonPath("$.variables.id", equalTo(SALEOR_ID)))
            .withRequestBody(matchingJsonPath("$.variables.pspReference", equalTo("CAP1")))
            .withRequestBody(matchingJsonPath("$.variables.type", equalTo("CHARGE_SUCCESS")))
            .withRequestBody(containing("\"amount\":10.00"))  // a JSON number in major units
            .withRequestBody(matchingJsonPath("$.variables.time", equalTo("2026-11-23T09:59:58Z")))
            .withRequestBody(matchingJsonPath("$.variables.message", equalTo("Adyen CAPTURE"))));
        assertEquals(TransactionReport.Status.SENT, report.status());
        assertEquals(0, sender.sendDue());
        saleor.verify(1, postRequestedFor(urlEqualTo("/graphql/")));
    }

    @Test
    void alreadyProcessedIsSuccess() {
        saleor.stubFor(post("/graphql/").willReturn(okJson("{\"data\":{\"transactionEventReport\":"
            + "{\"alreadyProcessed\":true,\"transactionEvent\":{\"id\":\"VHJhbnNhY3Rpb25FdmVudDox\"},\"errors\":[]}}}")));

        assertEquals(1, sender.sendDue());
        assertEquals(TransactionReport.Status.SENT, report.status());
        assertNull(report.lastError());
    }

    @Test
    void graphQlErrorsAreAPermanentFailureWithSaleorsReason() {
        saleor.stubFor(post("/graphql/").willReturn(okJson("{\"data\":{\"transactionEventReport\":"
            + "{\"alreadyProcessed\":false,\"transactionEvent\":null,\"errors\":[{\"field\":\"amount\","
            + "\"message\":\"Incorrect amount\",\"code\":\"INCORRECT_DETAILS\"}]}}}")));

        assertEquals(0, sender.sendDue());
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertTrue(report.lastError().contains("INCORRECT_DETAILS"), report.lastError());
        assertEquals(java.util.Optional.of(TransactionReport.Failure.REFUSED), report.failure());
        assertTrue(!report.redeliverable(), "the reconciliation does not send it again");
        clock.advance(Duration.ofDays(2));
        assertEquals(0, sender.sendDue());
        saleor.verify(1, postRequestedFor(urlEqualTo("/graphql/")));
    }

    @Test
    void aTimeoutIsRetriedAfterTheBackoffAndThenSent() {
        saleor.stubFor(post("/graphql/").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(TAKEN).withFixedDelay(2000)).willSetStateTo("recovered"));
        saleor.stubFor(post("/graphql/").inScenario("slow").whenScenarioStateIs("recovered").willReturn(okJson(TAKEN)));

        long started = System.nanoTime();
        assertEquals(0, sender.sendDue());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1800, "the bound did not cut the call");
        assertEquals(TransactionReport.Status.PENDING, report.status());
        assertEquals(1, report.attempts());
        assertTrue(report.lastError().contains("did not answer within 700 ms"), report.lastError());
        assertEquals(clock.instant().plus(TransactionReport.RETRY_DELAYS.get(0)), report.dueAt());

        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, sender.sendDue());  // not due yet
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, sender.sendDue());
        assertEquals(TransactionReport.Status.SENT, report.status());
        assertEquals(2, report.attempts());
    }

    @Test
    void aSaleorThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        saleor.stubFor(post("/graphql/").willReturn(serverError()));

        for (int attempt = 1; attempt <= TransactionReport.MAX_ATTEMPTS; attempt++) {
            assertEquals(0, sender.sendDue());
            assertEquals(attempt, report.attempts());
            clock.advance(Duration.ofHours(13));
        }
        assertEquals(TransactionReport.Status.FAILED, report.status());
        assertEquals("Saleor answered HTTP 500", report.lastError());
        assertEquals(java.util.Optional.of(TransactionReport.Failure.UNDELIVERED), report.failure());
        assertTrue(report.redeliverable(), "the reconciliation's to send again");
        assertEquals(0, sender.sendDue());
    }

    @Test
    void aReportIsDeliveredOnlyThroughAnInstallationOfItsMerchant() {
        saleor.stubFor(post("/graphql/").willReturn(okJson(TAKEN)));
        SaleorTransactionReportDelivery delivery = new SaleorTransactionReportDelivery(
            new SaleorAppTokens(installations, secrets, new UnitOfWork() {
                @Override
                public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
                    return work.get();
                }
            }), LoopbackSaleor.client(Duration.ofMillis(700)));
        TransactionReport foreign = TransactionReport.toSend("r-2", "m-2",
            dev.payhooks.domain.payment.TransactionId.of("adyen-2"), apiUrl, ProviderId.ADYEN, SALEOR_ID, "CAP2",
            "CHARGE_SUCCESS", "10.00", clock.instant(), null, clock.instant());

        var refused = assertInstanceOf(TransactionReportDelivery.Answer.NotDelivered.class, delivery.deliver(foreign));
        assertTrue(refused.reason().contains("for the report's merchant"), refused.reason());
        saleor.verify(0, postRequestedFor(urlEqualTo("/graphql/")));
        assertInstanceOf(TransactionReportDelivery.Answer.Taken.class, delivery.deliver(report));
        saleor.verify(1, postRequestedFor(urlEqualTo("/graphql/")));
    }
}
