package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.RefundNpAtobaraiTransaction;
import dev.payhooks.application.saleor.ReportTrackingNumber;
import dev.payhooks.application.saleor.RepeatedDeliveries;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.InMemoryFulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.FulfillmentNotices;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.application.saleor.AnswerDeadline;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.provider.npatobarai.HoldReason;
import dev.payhooks.domain.refund.InMemoryRefunds;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundStatus;
import dev.payhooks.domain.saleor.InMemoryFulfillmentOrigins;
import dev.payhooks.domain.saleor.InMemoryOrderNotes;
import dev.payhooks.domain.saleor.InMemoryWebhookReplies;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every NP Atobarai webhook of the contract, with WireMock playing NP and in-memory repositories. */
class NpAtobaraiSaleorAppTest {

    static final String API_URL = "https://shop.example/graphql/";
    static final String APP_ID = "QXBwOjE0";
    static final String SALEOR_TX = "VHJhbnNhY3Rpb25JdGVtOjE=";
    static final String NP_ID = "12345678901";

    WireMockServer np;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-20T10:00:00Z"));
    /** How much of Saleor's wait has passed when the app gets the webhook. */
    Duration spentBeforeHandling = Duration.ZERO;
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryRefunds refunds = new InMemoryRefunds();
    final InMemoryFulfillments fulfillments = new InMemoryFulfillments();
    final InMemoryFulfillmentOrigins origins = new InMemoryFulfillmentOrigins(fulfillments);
    final InMemoryOrderNotes notes = new InMemoryOrderNotes();
    final InMemoryWebhookReplies replies = new InMemoryWebhookReplies();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final AtomicInteger eventIds = new AtomicInteger();
    final UnitOfWork direct = new UnitOfWork() {
        @Override
        public synchronized <T> T inNewTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };
    Merchant merchant;
    SaleorInstallation installation;
    NpAtobaraiSaleorApp app;
    NpShipmentReporter reporter;

    @BeforeEach
    void setUp() {
        np = new WireMockServer(options().dynamicPort());
        np.start();
        try { // WireMock's first answer can be slow on a busy machine; the NP timeout under test is not about that
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(np.baseUrl() + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the tests themselves will say what is wrong
        }
        np.resetRequests();
        merchant = Merchant.register("m-1", "Shop", "abcdefghij12345", clock.instant());
        merchants.add(merchant);
        Channel channel = Channel.open("c-1", "m-1", "jp-store", "Japan", "JPY", "JP", clock.instant());
        channel.configure(new ProviderSettings(ProviderId.NP_ATOBARAI, null,
            Map.of("merchantCode", "merchant-1", "terminalId", "terminal-9", "shippingCompanyCode", "50000",
                "skuAsName", "true", "environment", "sandbox", "apiBaseUrl", np.baseUrl() + "/v1/"),
            Map.of("secretSpCode", secrets.seal("sp-secret",
                ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode")))), clock.instant());
        channels.add(channel);
        installation = SaleorInstallation.install(API_URL, ProviderId.NP_ATOBARAI, "m-1", APP_ID,
            secrets.seal("token", "ctx"), "{\"keys\":[]}", clock.instant());
        SequentialIds ids = new SequentialIds();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        TransactionNotices notices = new TransactionNotices(queue,
            () -> new EventId(String.format("%064x", eventIds.incrementAndGet())), clock);
        NpAtobaraiChannels npChannels = new NpAtobaraiChannels(merchants, channels, secrets, Optional::empty);
        NpAtobaraiClient client = new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(2));
        app = newApp(client, notices, ids, direct);
        reporter = new NpShipmentReporter(origins, fulfillments, transactions, npChannels, client, notes,
            new FulfillmentNotices(queue, () -> new EventId(String.format("%064x", eventIds.incrementAndGet())), clock),
            ids, direct, clock);
    }

    /** The app as the wiring builds it, over the in-memory repositories. */
    NpAtobaraiSaleorApp newApp(NpAtobaraiClient client, TransactionNotices notices, SequentialIds ids, UnitOfWork units) {
        NpAtobaraiChannels npChannels = new NpAtobaraiChannels(merchants, channels, secrets, Optional::empty);
        NpAtobaraiPayments provider = new NpAtobaraiPayments(npChannels, client);
        RepeatedDeliveries deliveries = new RepeatedDeliveries(replies, units, clock);
        RecordProviderOutcome outcomes = new RecordProviderOutcome(transactions, notices, ids, clock);
        return new NpAtobaraiSaleorApp(npChannels, units, new NpAtobaraiSaleorApp.Handlers(
                new InitializeSession(provider, NpAtobaraiSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions,
                    units, clock),
                new ProcessSession(provider, NpAtobaraiSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions,
                    units, clock),
                new RefundNpAtobaraiTransaction(provider, NpAtobaraiSaleorApp.REFUND_REPLIES, deliveries, outcomes,
                    transactions, refunds, fulfillments, ids, units, clock),
                new ReportTrackingNumber(provider, transactions, fulfillments, origins, notes, ids, units, clock)));
    }

    @AfterEach
    void tearDown() {
        np.stop();
    }

    // ---- payloads ----------------------------------------

    static String address(String lastName, String phone, String country) {
        return """
            {"firstName": "Hanako", "lastName": "%s", "companyName": "", "streetAddress1": "1-2-3 Shibuya",
             "streetAddress2": "", "city": "Shibuya-ku", "cityArea": "", "postalCode": "150-0002",
             "countryArea": "Tokyo", "country": {"code": "%s"}, "phone": "%s"}""".formatted(lastName, country, phone);
    }

    static String checkout(String currency, String billing, String shipping, String email) {
        return """
            {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6MQ==", "email": %s, "created": "2026-11-20T09:58:00+00:00",
             "channel": {"id": "Q2hhbm5lbDox", "slug": "jp-store", "currencyCode": "%s"},
             "totalPrice": {"gross": {"amount": 2100, "currency": "%s"}},
             "shippingPrice": {"gross": {"amount": 200}}, "discount": {"amount": 100},
             "billingAddress": %s, "shippingAddress": %s,
             "lines": [{"id": "Q2hlY2tvdXRMaW5lOjE=", "quantity": 2,
               "variant": {"sku": "TEST-SKU", "name": "Blue", "product": {"name": "Tea cup"}},
               "unitPrice": {"gross": {"amount": 1000}}, "totalPrice": {"gross": {"amount": 2000}}}]}"""
            .formatted(email == null ? "null" : "\"" + email + "\"", currency, currency, billing, shipping);
    }

    static String goodCheckout() {
        return checkout("JPY", address("Yamada", "+81312345678", "JP"), address("Yamada", "+81312345678", "JP"),
            "hanako@example.jp");
    }

    static String order() {
        return """
            {"__typename": "Order", "id": "T3JkZXI6MQ==", "number": "1042", "userEmail": "hanako@example.jp",
             "created": "2026-11-20T10:00:00+00:00",
             "channel": {"id": "Q2hhbm5lbDox", "slug": "jp-store", "currencyCode": "JPY"},
             "total": {"gross": {"amount": 3000, "currency": "JPY"}}, "shippingPrice": {"gross": {"amount": 200}},
             "discounts": [{"amount": {"amount": 100}}],
             "billingAddress": %s, "shippingAddress": %s,
             "lines": [{"id": "T3JkZXJMaW5lOjE=", "productSku": "TEST-SKU", "productName": "Tea cup",
               "variantName": "Blue", "quantity": 2, "unitPrice": {"gross": {"amount": 1000}},
               "totalPrice": {"gross": {"amount": 2000}}}]}"""
            .formatted(address("Yamada", "+81312345678", "JP"), address("Yamada", "+81312345678", "JP"));
    }

    SaleorReply send(String event, String json) {
        AnswerDeadline deadline = new AnswerDeadline(clock.instant().plus(AnswerDeadline.SALEOR_WAIT)
            .minus(spentBeforeHandling), clock);
        return app.handle(new SaleorWebhook(installation, event, Json.createReader(new StringReader(json)).readObject(),
            deadline));
    }

    SaleorReply gateway(String source) {
        return send("payment_gateway_initialize_session", """
            {"__typename": "PaymentGatewayInitializeSession", "issuedAt": "2026-11-20T10:00:00+00:00",
             "recipient": {"id": "%s"}, "amount": 3000, "data": null, "sourceObject": %s}""".formatted(APP_ID, source));
    }

    SaleorReply initialize(String idempotencyKey, long amount) {
        return send("transaction_initialize_session", """
            {"__typename": "TransactionInitializeSession", "issuedAt": "2026-11-20T10:00:05+00:00",
             "recipient": {"id": "%s"}, "idempotencyKey": "%s", "merchantReference": "%s", "data": null,
             "action": {"amount": %d, "currency": "JPY", "actionType": "CHARGE"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": ""},
             "sourceObject": %s}""".formatted(APP_ID, idempotencyKey, SALEOR_TX, amount, SALEOR_TX, goodCheckout()));
    }

    SaleorReply process(String pspReference) {
        return send("transaction_process_session", """
            {"__typename": "TransactionProcessSession", "issuedAt": "2026-11-20T10:05:00+00:00",
             "recipient": {"id": "%s"}, "merchantReference": "%s", "data": null,
             "action": {"amount": 2100, "currency": "JPY", "actionType": "CHARGE"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "%s"},
             "sourceObject": %s}""".formatted(APP_ID, SALEOR_TX, SALEOR_TX, pspReference, goodCheckout()));
    }

    SaleorReply refund(long amount, long charged, String grantedRefund) {
        return send("transaction_refund_requested", """
            {"__typename": "TransactionRefundRequested", "issuedAt": "2026-11-21T08:00:00+00:00",
             "recipient": {"id": "%s"},
             "action": {"actionType": "REFUND", "amount": %d, "currency": "JPY"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "%s",
               "createdAt": "2026-11-20T10:00:05+00:00",
               "chargedAmount": {"amount": %d, "currency": "JPY"}, "authorizedAmount": {"amount": 0, "currency": "JPY"},
               "order": %s, "checkout": null},
             "grantedRefund": %s}""".formatted(APP_ID, amount, SALEOR_TX, NP_ID, charged, order(), grantedRefund));
    }

    SaleorReply tracking(String number, String transactions) {
        return send("fulfillment_tracking_number_updated", """
            {"__typename": "FulfillmentTrackingNumberUpdated", "issuedAt": "2026-11-21T07:00:00+00:00",
             "recipient": {"id": "%s"},
             "fulfillment": {"id": "RnVsZmlsbG1lbnQ6MQ==", "trackingNumber": "%s", "metadata": [],
               "privateMetadata": [{"key": "np-atobarai.pd-company-code", "value": "59010"}]},
             "order": {"id": "T3JkZXI6MQ==", "number": "1042", "channel": {"slug": "jp-store", "currencyCode": "JPY"},
               "transactions": %s}}""".formatted(APP_ID, number, transactions));
    }

    static String ourCompletedTransaction() {
        return """
            [{"id": "%s", "token": "0c2f5e2a-uuid", "pspReference": "%s",
              "createdBy": {"__typename": "App", "id": "%s"}, "events": [{"type": "CHARGE_SUCCESS"}]}]"""
            .formatted(SALEOR_TX, NP_ID, APP_ID);
    }

    void npRegisterAnswers(String result, String extra) {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"" + result + "\"" + extra + "}]}")));
    }

    PaymentTransaction payment() {
        return transactions.byId("m-1", NpAtobaraiSaleorApp.hubTransactionId(API_URL, SALEOR_TX)).orElseThrow();
    }

    List<String> outboundTypes() {
        return outbox.after(OutboxPosition.START, 100).stream().map(e -> e.eventType()).toList();
    }

    // ---- payment_gateway_initialize_session ------------------------------------------------

    @Test
    void gatewayInitializeAcceptsAGoodCheckout() {
        SaleorReply reply = gateway(goodCheckout());
        assertEquals(200, reply.status());
        assertEquals("{\"data\":{}}", reply.body().toString());
    }

    @Test
    void gatewayInitializeReportsTheFirstFailedCheck() {
        assertEquals("UnsupportedCurrencyError", firstError(gateway(checkout("USD",
            address("Y", "+81312345678", "JP"), address("Y", "+81312345678", "JP"), "a@b.jp"))));
        assertEquals("UnsupportedCountryError", firstError(gateway(checkout("JPY",
            address("Y", "+81312345678", "JP"), address("Y", "+81312345678", "US"), "a@b.jp"))));
        assertEquals("MissingBillingAddressError", firstError(gateway(checkout("JPY",
            "null", address("Y", "+81312345678", "JP"), "a@b.jp"))));
        assertEquals("MissingBillingPhoneNumberError", firstError(gateway(checkout("JPY",
            address("Y", "", "JP"), address("Y", "+81312345678", "JP"), "a@b.jp"))));
        assertEquals("MissingEmailError", firstError(gateway(checkout("JPY",
            address("Y", "0312345678", "JP"), address("Y", "+81312345678", "JP"), null))));
        assertEquals("WrongPhoneNumberFormatError", firstError(gateway(checkout("JPY",
            address("Y", "0312345678", "JP"), address("Y", "+81312345678", "JP"), "a@b.jp"))));
    }

    static String firstError(SaleorReply reply) {
        assertEquals(200, reply.status());
        return reply.body().getJsonObject("data").getJsonArray("errors").getJsonObject(0).getString("code");
    }

    @Test
    void anUnconfiguredChannelIs400() {
        Channel channel = channels.bySlug("m-1", "jp-store").orElseThrow();
        channel.removeProvider(ProviderId.NP_ATOBARAI, clock.instant());
        channels.update(channel);

        SaleorReply reply = gateway(goodCheckout());

        assertEquals(400, reply.status());
        assertEquals("App is not configured", reply.body().getString("message"));
        assertEquals(400, initialize("k1", 2100).status());
        np.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- transaction_initialize_session / process --------------------------------------------

    @Test
    void approvedRegistrationChargesThePayment() {
        npRegisterAnswers("00", "");

        JsonObject reply = initialize("k1", 2100).body();

        assertEquals("CHARGE_SUCCESS", reply.getString("result"));
        assertEquals(NP_ID, reply.getString("pspReference"));
        assertEquals(2100, reply.getJsonNumber("amount").intValue());
        assertEquals("[\"REFUND\"]", reply.getJsonArray("actions").toString());
        assertEquals("{\"type\":\"OTHER\",\"name\":\"np_atobarai\"}", reply.getJsonObject("paymentMethodDetails").toString());
        assertEquals(TransactionStatus.CHARGED, payment().status());
        assertEquals(2100, payment().charged().minorUnits());
        assertEquals(List.of("transaction.sale.success"), outboundTypes());
        np.verify(postRequestedFor(urlEqualTo("/v1/transactions"))
            .withRequestBody(matchingJsonPath("$.transactions[0].shop_transaction_id", equalTo("0c2f5e2a-uuid")))
            .withRequestBody(matchingJsonPath("$.transactions[0].customer.tel", equalTo("0312345678")))
            .withRequestBody(matchingJsonPath("$.transactions[0].customer.customer_name", equalTo("Yamada Hanako")))
            .withRequestBody(matchingJsonPath("$.transactions[0].shop_order_date", equalTo("2026-11-20")))
            .withRequestBody(matchingJsonPath("$.transactions[0].goods[0].goods_name", equalTo("TEST-SKU"))));
    }

    @Test
    void holdThenProcessAfterTheCustomerFixedTheData() {
        npRegisterAnswers("10", ",\"authori_hold\":[\"RE015\"]");

        JsonObject held = initialize("k1", 2100).body();

        assertEquals("CHARGE_ACTION_REQUIRED", held.getString("result"));
        assertEquals(NP_ID, held.getString("pspReference"));
        assertEquals("[]", held.getJsonArray("actions").toString());
        JsonObject reason = held.getJsonObject("data").getJsonArray("errors").getJsonObject(0);
        assertEquals("RE015", reason.getString("code"));
        assertEquals(HoldReason.RE015.message(), reason.getString("message"));
        assertEquals(TransactionStatus.CHARGE_ACTION_REQUIRED, payment().status());

        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}")));
        JsonObject processed = process(NP_ID).body();

        assertEquals("CHARGE_SUCCESS", processed.getString("result"));
        assertEquals(TransactionStatus.CHARGED, payment().status());
        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/update"))
            .withRequestBody(matchingJsonPath("$.transactions[0].np_transaction_id", equalTo(NP_ID))));
        assertEquals(List.of("transaction.action_required", "transaction.sale.success"), outboundTypes());
    }

    @ParameterizedTest
    @EnumSource(HoldReason.class)
    void everyHoldReasonComesWithCodeAndMessage(HoldReason hold) {
        npRegisterAnswers("10", ",\"authori_hold\":[\"" + hold.code() + "\"]");

        JsonObject reason = initialize("k-" + hold, 2100).body().getJsonObject("data").getJsonArray("errors").getJsonObject(0);

        assertEquals(hold.code(), reason.getString("code"));
        assertEquals(hold.message(), reason.getString("message"));
    }

    @Test
    void rejectedAndCancelledCreditChecksFail() {
        npRegisterAnswers("20", ",\"authori_ng\":\"NG001\"");
        JsonObject rejected = initialize("k1", 2100).body();
        assertEquals("CHARGE_FAILURE", rejected.getString("result"));
        assertEquals("NG001", rejected.getJsonObject("data").getJsonArray("errors").getJsonObject(0).getString("apiError"));
        assertEquals(TransactionStatus.FAILED, payment().status());

        npRegisterAnswers("40", "");
        JsonObject cancelled = initialize("k2", 2100).body();
        assertEquals("CHARGE_FAILURE", cancelled.getString("result"));
        assertTrue(cancelled.getString("message").contains("cancelled"));
    }

    @Test
    void npErrorsFailWithTheirCodes() {
        np.stubFor(post("/v1/transactions").willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":[{\"codes\":[\"E0100113\"]}]}")));

        JsonObject reply = initialize("k1", 2100).body();

        assertEquals("CHARGE_FAILURE", reply.getString("result"));
        assertEquals("E0100113", reply.getJsonObject("data").getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    @Test
    void aSlowNpIsATimeoutError() {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}").withFixedDelay(3500)));

        JsonObject reply = initialize("k1", 2100).body();

        assertEquals("CHARGE_FAILURE", reply.getString("result"));
        assertEquals("Timeout Error", reply.getString("message"));
        assertEquals(TransactionStatus.FAILED, payment().status());
    }

    @Test
    void aRepeatedInitializeGetsTheStoredAnswerWithoutCallingNpAgain() {
        npRegisterAnswers("00", "");

        JsonObject first = initialize("same-key", 2100).body();
        clock.advance(Duration.ofSeconds(5));
        JsonObject second = initialize("same-key", 2100).body();

        assertEquals(first, second);
        np.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")));
        assertEquals(1, payment().events().size());
    }

    @Test
    void aRefusedRequestLeavesNoClaimBehind() {
        npRegisterAnswers("00", "");
        String broken = """
            {"recipient": {"id": "%s"}, "idempotencyKey": "fix-me",
             "action": {"amount": 2100, "currency": "JPY", "actionType": "CHARGE"},
             "transaction": {"id": "%s", "token": "0c2f5e2a-uuid"}, "sourceObject": %s}"""
            .formatted(APP_ID, SALEOR_TX, goodCheckout());

        org.junit.jupiter.api.Assertions.assertThrows(dev.payhooks.adapters.api.ApiProblem.class,
            () -> send("transaction_initialize_session", broken));  // no issuedAt: 400 through the mapper

        assertEquals("CHARGE_SUCCESS", initialize("fix-me", 2100).body().getString("result"));
        np.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")));
    }

    @Test
    void concurrentDuplicatesCallNpOnce() throws Exception {
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}").withFixedDelay(300)));
        UnitOfWork unsynchronised = new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
                synchronized (NpAtobaraiSaleorAppTest.this) {
                    return work.get();
                }
            }
        };
        app = newApp(new NpAtobaraiClient(TestGates.sandbox(), Duration.ofSeconds(5)),
            new TransactionNotices(new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(),
                new SequentialIds()), () -> new EventId(String.format("%064x", eventIds.incrementAndGet())), clock),
            new SequentialIds(), unsynchronised);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<SaleorReply> call = () -> initialize("racing-key", 2100);
            List<Future<SaleorReply>> futures = pool.invokeAll(List.of(call, call, call, call));
            int ok = 0;
            for (Future<SaleorReply> future : futures) {
                SaleorReply reply = future.get();
                if (reply.status() == 200) {
                    ok++;
                    assertEquals("CHARGE_SUCCESS", reply.body().getString("result"));
                } else {
                    assertEquals(409, reply.status());
                }
            }
            assertTrue(ok >= 1);
        } finally {
            pool.shutdown();
        }
        np.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")));
    }

    // ---- transaction_refund_requested ------------------------------------------------------

    void charged() {
        npRegisterAnswers("00", "");
        assertEquals("CHARGE_SUCCESS", initialize("k1", 3000).body().getString("result"));
    }

    @Test
    void partialRefundBeforeShipmentUpdatesWithADiscountLine() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}")));

        JsonObject reply = refund(1500, 3000, "null").body();

        assertEquals("REFUND_SUCCESS", reply.getString("result"));
        assertEquals("[]", reply.getJsonArray("actions").toString());
        assertEquals(NP_ID, reply.getString("pspReference"));
        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/update")).withRequestBody(equalToJson("""
            {"transactions":[{"np_transaction_id":"12345678901","billed_amount":1500,
              "goods":[{"goods_name":"TEST-SKU","goods_price":1000,"quantity":2},
                       {"goods_name":"Voucher","goods_price":-100,"quantity":1},
                       {"goods_name":"Shipping","goods_price":200,"quantity":1},
                       {"goods_name":"Discount","goods_price":-1500,"quantity":1}]}]}""", true, true)));
        assertEquals(1500, payment().refunded().minorUnits());
        Refund recorded = refunds.ofTransaction(payment().id()).get(0);
        assertEquals(RefundStatus.SUCCEEDED, recorded.status());
        assertTrue(outboundTypes().contains("transaction.refund.success"));
    }

    @Test
    void fullRefundCancels() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));

        JsonObject reply = refund(3000, 3000, "null").body();

        assertEquals("REFUND_SUCCESS", reply.getString("result"));
        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/cancel")));
        np.verify(0, patchRequestedFor(urlEqualTo("/v1/transactions/update")));
        assertEquals(TransactionStatus.REFUNDED, payment().status());
    }

    @Test
    void grantedRefundReducesLinesAndDiscountsShipping() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}")));

        JsonObject reply = refund(1200, 3000, """
            {"id": "T3JkZXJHcmFudGVkUmVmdW5kOjE=", "amount": {"amount": 1200, "currency": "JPY"},
             "shippingCostsIncluded": true,
             "lines": [{"id": "R0w6MQ==", "quantity": 1, "orderLine": {"id": "T3JkZXJMaW5lOjE="}}]}""").body();

        assertEquals("REFUND_SUCCESS", reply.getString("result"));
        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/update")).withRequestBody(equalToJson("""
            {"transactions":[{"billed_amount":1800,
              "goods":[{"goods_name":"TEST-SKU","goods_price":1000,"quantity":1},
                       {"goods_name":"Voucher","goods_price":-100,"quantity":1},
                       {"goods_name":"Shipping","goods_price":200,"quantity":1},
                       {"goods_name":"Discount","goods_price":-200,"quantity":1}]}]}""", true, true)));
    }

    @Test
    void aFailedUpdateIsARefundFailureNamingTheStep() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":[{\"codes\":[\"E0131004\"]}]}")));

        JsonObject reply = refund(1500, 3000, "null").body();

        assertEquals("REFUND_FAILURE", reply.getString("result"));
        assertEquals("[\"REFUND\"]", reply.getJsonArray("actions").toString());
        assertTrue(reply.getString("message").startsWith("Refund failed at update"), reply.getString("message"));
        assertEquals(RefundStatus.FAILED, refunds.ofTransaction(payment().id()).get(0).status());
        assertEquals(0, payment().refunded().minorUnits());
    }

    @Test
    void aRepeatedRefundIsAnsweredFromStore() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}")));

        JsonObject first = refund(1500, 3000, "null").body();
        JsonObject again = refund(1500, 3000, "null").body();

        assertEquals(first, again);
        np.verify(1, patchRequestedFor(urlEqualTo("/v1/transactions/update")));
        assertEquals(1, refunds.ofTransaction(payment().id()).size());
    }

    @Test
    void aRefundWithTooLittleOfSaleorsWaitLeftAsksNpNothingAndCanBeAskedAgain() {
        charged();
        np.stubFor(patch(urlEqualTo("/v1/transactions/update")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\",\"authori_result\":\"00\"}]}")));
        spentBeforeHandling = Duration.ofSeconds(16);  // Saleor gives up 18 s after sending; 2 s are the hub's own

        JsonObject late = refund(1500, 3000, "null").body();

        assertEquals("REFUND_FAILURE", late.getString("result"));
        np.verify(0, patchRequestedFor(urlEqualTo("/v1/transactions/update")));
        assertEquals(0, payment().refunded().minorUnits());
        spentBeforeHandling = Duration.ZERO;
        assertEquals("REFUND_SUCCESS", refund(1500, 3000, "null").body().getString("result"));
        np.verify(1, patchRequestedFor(urlEqualTo("/v1/transactions/update")));
        assertEquals(1500, payment().refunded().minorUnits());
    }

    // ---- fulfillment_tracking_number_updated and refunds after shipment ----------------------

    void shipped() {
        charged();
        np.stubFor(post("/v1/shipments").willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));
        SaleorReply ack = tracking("1234567890", ourCompletedTransaction());
        assertEquals(200, ack.status());
        np.verify(0, postRequestedFor(urlEqualTo("/v1/shipments")));  // acknowledged first, reported by the worker
        assertEquals(1, reporter.reportDue());
    }

    @Test
    void trackingNumberIsReportedByTheWorkerWithANote() {
        shipped();

        np.verify(postRequestedFor(urlEqualTo("/v1/shipments")).withRequestBody(equalToJson(
            "{\"transactions\":[{\"np_transaction_id\":\"12345678901\",\"pd_company_code\":\"59010\",\"slip_no\":\"1234567890\"}]}")));
        Fulfillment fulfillment = fulfillments.ofTransaction(payment().id()).get(0);
        assertEquals(ShipmentReportStatus.REPORTED, fulfillment.status());
        assertEquals(List.of("Successfully reported fulfillment for tracking number 1234567890"),
            notes.ofOrder("T3JkZXI6MQ==").stream().map(OrderNote::message).toList());
        assertTrue(outboundTypes().contains("fulfillment.reported"));
        assertEquals(0, reporter.reportDue());
    }

    @Test
    void aFailedShipmentReportIsRetriedBoundedAndNotedOnce() {
        charged();
        np.stubFor(post("/v1/shipments").willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":[{\"codes\":[\"E0200001\"]}]}")));
        tracking("1234567890", ourCompletedTransaction());

        for (int run = 0; run < NpShipmentReporter.MAX_ATTEMPTS + 2; run++) {
            reporter.reportDue();
        }

        np.verify(NpShipmentReporter.MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/v1/shipments")));
        Fulfillment fulfillment = fulfillments.ofTransaction(payment().id()).get(0);
        assertEquals(ShipmentReportStatus.FAILED, fulfillment.status());
        List<String> messages = notes.ofOrder("T3JkZXI6MQ==").stream().map(OrderNote::message).toList();
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).startsWith("Failed to report fulfillment for tracking number 1234567890: "), messages.get(0));
        assertTrue(outboundTypes().contains("fulfillment.report_failed"));
    }

    @Test
    void trackingNoteVariants() {
        // another app's transaction: skipped silently
        assertEquals(200, tracking("111", """
            [{"id": "X", "pspReference": "1", "createdBy": {"__typename": "App", "id": "other"},
              "events": [{"type": "CHARGE_SUCCESS"}]}]""").status());
        assertTrue(notes.ofOrder("T3JkZXI6MQ==").isEmpty());

        tracking("222", """
            [{"id": "X", "pspReference": "1", "createdBy": {"__typename": "App", "id": "%s"},
              "events": [{"type": "CHARGE_ACTION_REQUIRED"}]}]""".formatted(APP_ID));
        tracking("333", """
            [{"id": "X", "pspReference": "1", "createdBy": {"__typename": "App", "id": "%s"}, "events": [{"type": "CHARGE_SUCCESS"}]},
             {"id": "Y", "pspReference": "2", "createdBy": {"__typename": "App", "id": "%s"}, "events": [{"type": "CHARGE_SUCCESS"}]}]"""
            .formatted(APP_ID, APP_ID));

        List<String> messages = notes.ofOrder("T3JkZXI6MQ==").stream().map(OrderNote::message).toList();
        assertEquals(2, messages.size());
        assertTrue(messages.get(0).contains("222") && messages.get(0).contains("no completed"), messages.get(0));
        assertTrue(messages.get(1).contains("333") && messages.get(1).contains("skipped"), messages.get(1));
        np.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void partialRefundAfterShipmentCancelsReregistersAndReships() {
        shipped();
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"99999999999\",\"authori_result\":\"00\"}]}")));

        JsonObject reply = refund(1500, 3000, "null").body();

        assertEquals("REFUND_SUCCESS", reply.getString("result"), reply.toString());
        assertEquals("99999999999", reply.getString("pspReference"));
        np.verify(patchRequestedFor(urlEqualTo("/v1/transactions/cancel")));
        np.verify(postRequestedFor(urlEqualTo("/v1/transactions"))
            .withRequestBody(matchingJsonPath("$.transactions[0].billed_amount", equalTo("1500"))));
        np.verify(postRequestedFor(urlEqualTo("/v1/shipments"))
            .withRequestBody(matchingJsonPath("$.transactions[0].np_transaction_id", equalTo("99999999999")))
            .withRequestBody(matchingJsonPath("$.transactions[0].slip_no", equalTo("1234567890"))));
        assertEquals(Optional.of("99999999999"), payment().providerReference());
        assertEquals(ShipmentReportStatus.REPORTED, fulfillments.ofTransaction(payment().id()).get(0).status());
    }

    @Test
    void reRegistrationFailingAfterTheCancelLeavesAVisibleFailedRefund() {
        shipped();
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"99999999999\",\"authori_result\":\"20\"}]}")));

        JsonObject reply = refund(1500, 3000, "null").body();

        assertEquals("REFUND_FAILURE", reply.getString("result"));
        assertTrue(reply.getString("message").startsWith("Refund failed at re-register"), reply.getString("message"));
        Refund failed = refunds.ofTransaction(payment().id()).get(0);
        assertEquals(RefundStatus.FAILED, failed.status());
        assertTrue(failed.message().orElseThrow().contains("is cancelled"));
        assertFalse(outboundTypes().contains("transaction.refund.success"));
        assertTrue(outboundTypes().contains("transaction.refund.failure"));
    }

    @Test
    void askingAgainAfterAFailedReRegistrationRegistersAndShipsWithoutCancellingTwice() {
        shipped();
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));
        np.stubFor(post("/v1/transactions").willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":[{\"codes\":[\"E0100113\"]}]}")));
        assertEquals("REFUND_FAILURE", refund(1500, 3000, "null").body().getString("result"));

        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"99999999999\",\"authori_result\":\"00\"}]}")));
        JsonObject retried = refund(1500, 3000, "null").body();

        assertEquals("REFUND_SUCCESS", retried.getString("result"), retried.toString());
        assertEquals("99999999999", retried.getString("pspReference"));
        np.verify(1, patchRequestedFor(urlEqualTo("/v1/transactions/cancel")));
        np.verify(postRequestedFor(urlEqualTo("/v1/shipments"))
            .withRequestBody(matchingJsonPath("$.transactions[0].np_transaction_id", equalTo("99999999999"))));
        List<Refund> attempts = refunds.ofTransaction(payment().id());
        assertEquals(List.of(RefundStatus.FAILED, RefundStatus.SUCCEEDED), attempts.stream().map(Refund::status).toList());
        assertEquals(1500, payment().refunded().minorUnits());
        assertEquals(ShipmentReportStatus.REPORTED, fulfillments.ofTransaction(payment().id()).get(0).status());
    }

    @Test
    void askingAgainAfterAFailedShipmentReportOnlyShips() {
        shipped();
        np.stubFor(patch(urlEqualTo("/v1/transactions/cancel")).willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"" + NP_ID + "\"}]}")));
        np.stubFor(post("/v1/transactions").willReturn(okJson(
            "{\"results\":[{\"np_transaction_id\":\"99999999999\",\"authori_result\":\"00\"}]}")));
        np.stubFor(post("/v1/shipments").willReturn(aResponse().withStatus(500).withBody("{\"errors\":[]}")));
        JsonObject failed = refund(1500, 3000, "null").body();
        assertEquals("REFUND_FAILURE", failed.getString("result"));
        assertTrue(failed.getString("message").startsWith("Refund failed at shipment"), failed.getString("message"));
        assertEquals(Optional.of("99999999999"), payment().providerReference());

        np.stubFor(post("/v1/shipments").willReturn(okJson("{\"results\":[{\"np_transaction_id\":\"99999999999\"}]}")));
        JsonObject retried = refund(1500, 3000, "null").body();

        assertEquals("REFUND_SUCCESS", retried.getString("result"), retried.toString());
        np.verify(1, patchRequestedFor(urlEqualTo("/v1/transactions/cancel")));
        np.verify(2, postRequestedFor(urlEqualTo("/v1/transactions")));  // the first charge and one re-registration
        assertEquals(1500, payment().refunded().minorUnits());
        assertEquals(ShipmentReportStatus.REPORTED, fulfillments.ofTransaction(payment().id()).get(0).status());
    }
}
