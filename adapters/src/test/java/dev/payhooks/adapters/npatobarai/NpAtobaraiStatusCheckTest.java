package dev.payhooks.adapters.npatobarai;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.adapters.outbound.TestGates;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Found;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Unknown;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.InMemoryTransactionReports;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.TransactionReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciliation's question to NP Atobarai, asked of WireMock playing NP. */
class NpAtobaraiStatusCheckTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String API_URL = "https://shop.example/graphql/";

    WireMockServer np;
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    final InMemoryTransactionReports reports = new InMemoryTransactionReports();
    final Merchant merchant = Merchant.register("m-1", "Shop", "abcdefghij12345", T0);
    final UnitOfWork direct = new UnitOfWork() {
        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    NpAtobaraiStatusCheck check;

    @BeforeEach
    void start() {
        np = new WireMockServer(options().dynamicPort());
        np.start();
        merchants.add(merchant);
        Channel channel = Channel.open("c-1", "m-1", "jp-store", "Japan", "JPY", "JP", T0);
        channel.configure(new ProviderSettings(ProviderId.NP_ATOBARAI, null,
            Map.of("merchantCode", "merchant-1", "terminalId", "terminal-9", "environment", "sandbox",
                "apiBaseUrl", np.baseUrl() + "/v1/"),
            Map.of("secretSpCode", secrets.seal("sp-secret",
                ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode")))), T0);
        channels.add(channel);
        check = new NpAtobaraiStatusCheck(new NpAtobaraiChannels(merchants, channels, secrets, Optional::empty),
            new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(2)), direct, installations, reports,
            new SequentialIds(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        np.stop();
    }

    PaymentTransaction onHold(String id) {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of(id), "jp-store", ProviderId.NP_ATOBARAI,
            "VHJhbnNhY3Rpb246MQ==", Currency.JPY, T0);
        t.chargeActionRequired(ProviderReport.of(Money.of(2100, Currency.JPY), T0).withProviderReference("12345678901"));
        return t;
    }

    void npAnswers(String result) {
        np.stubFor(post("/v1/authorizations/find").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"12345678901\",\"authori_result\":\"" + result + "\""
                + ("10".equals(result) ? ",\"authori_hold\":[\"RE009\"]" : "") + "}]}")));
    }

    @Test
    void anApprovedCreditCheckIsTheChargesSuccessUnderTheSessionAnswersEventKey() {
        npAnswers("00");

        Found found = assertInstanceOf(Found.class, check.check(merchant, onHold("tx-1")));

        assertEquals(Operation.CHARGE, found.operation());
        assertEquals(OperationResult.SUCCESS, found.result());
        assertEquals(Optional.of("12345678901"), found.reference());
        assertEquals("np:12345678901:CHARGE_SUCCESS:2100", found.eventKey());
        np.verify(postRequestedFor(urlEqualTo("/v1/authorizations/find"))
            .withHeader("Authorization", equalTo("Basic bWVyY2hhbnQtMTpzcC1zZWNyZXQ="))
            .withHeader("X-NP-Terminal-Id", equalTo("terminal-9"))
            .withRequestBody(equalToJson("{\"transactions\":[{\"np_transaction_id\":\"12345678901\"}]}")));
    }

    @Test
    void aRefusedCreditCheckIsTheChargesFailureAndAHoldStaysUnknown() {
        npAnswers("20");
        Found refused = assertInstanceOf(Found.class, check.check(merchant, onHold("tx-1")));
        assertEquals(OperationResult.FAILURE, refused.result());
        assertTrue(refused.message().startsWith("Credit check rejected"), refused.message());

        npAnswers("10");
        Unknown hold = assertInstanceOf(Unknown.class, check.check(merchant, onHold("tx-1")));
        assertTrue(hold.why().contains("RE009"), hold.why());
    }

    @Test
    void noAnswerOrAnErrorLeavesItUnknownWithoutTheCredentials() {
        np.stubFor(post("/v1/authorizations/find").willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":[{\"codes\":[\"E0100002\"]}]}")));
        Unknown error = assertInstanceOf(Unknown.class, check.check(merchant, onHold("tx-1")));
        assertTrue(error.why().contains("E0100002"), error.why());

        np.stubFor(post("/v1/authorizations/find").willReturn(okJson("{}").withFixedDelay(3000)));
        Unknown late = assertInstanceOf(Unknown.class, check.check(merchant, onHold("tx-1")));
        assertEquals(NpAtobaraiClient.TIMEOUT_MESSAGE, late.why());
        assertTrue(!error.why().contains("sp-secret") && !late.why().contains("sp-secret"));
    }

    @Test
    void withoutAnNpIdAChannelOrAPendingCreditCheckNpIsNotAsked() {
        PaymentTransaction noId = PaymentTransaction.initialize(TransactionId.of("tx-2"), "jp-store", ProviderId.NP_ATOBARAI,
            "s", Currency.JPY, T0);
        noId.chargeActionRequired(ProviderReport.of(Money.of(2100, Currency.JPY), T0));
        PaymentTransaction otherChannel = PaymentTransaction.initialize(TransactionId.of("tx-3"), "elsewhere",
            ProviderId.NP_ATOBARAI, "s", Currency.JPY, T0);
        otherChannel.chargeActionRequired(ProviderReport.of(Money.of(2100, Currency.JPY), T0).withProviderReference("1"));
        PaymentTransaction refunding = PaymentTransaction.initialize(TransactionId.of("tx-4"), "jp-store",
            ProviderId.NP_ATOBARAI, "s", Currency.JPY, T0);
        refunding.chargeSucceeded(ProviderReport.of(Money.of(2100, Currency.JPY), T0).withProviderReference("1"));
        refunding.refundRequested(ProviderReport.of(Money.of(100, Currency.JPY), T0));

        for (PaymentTransaction t : List.of(noId, otherChannel, refunding)) {
            assertInstanceOf(Unknown.class, check.check(merchant, t));
        }
        assertEquals(0, np.getAllServeEvents().size());
    }

    @Test
    void aFoundOutcomeOfAnNpSaleorTransactionIsReportedToSaleor() {
        String saleorId = "VHJhbnNhY3Rpb246MQ==";
        installations.add(SaleorInstallation.install(API_URL, ProviderId.NP_ATOBARAI, "m-1", "QXBwOjE=",
            secrets.seal("token", "ctx"), "{\"keys\":[]}", T0));
        PaymentTransaction saleorPayment = onHold(NpAtobaraiSaleorApp.hubTransactionId(API_URL, saleorId).value());
        var events = saleorPayment.chargeSucceeded(ProviderReport.of(Money.of(2100, Currency.JPY), T0)
            .withProviderReference("12345678901").withMessage("Credit check approved"));

        check.recorded(merchant, saleorPayment, events);
        check.recorded(merchant, onHold("not-from-saleor"), events);

        List<TransactionReport> queued = reports.all();
        assertEquals(1, queued.size());
        assertEquals("CHARGE_SUCCESS", queued.get(0).type());
        assertEquals(saleorId, queued.get(0).saleorTransactionId());
        assertEquals("12345678901", queued.get(0).pspReference());
        assertEquals("2100", queued.get(0).amount());
        assertEquals(ProviderId.NP_ATOBARAI, queued.get(0).provider());
        assertEquals(java.util.Optional.of(merchant.id()), queued.get(0).merchantId());
        assertEquals(java.util.Optional.of(saleorPayment.id()), queued.get(0).transactionId());
    }
}
