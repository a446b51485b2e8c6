package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.outbound.TestGates;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.CancelTransaction;
import dev.payhooks.application.saleor.ChargeTransaction;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.RefundTransaction;
import dev.payhooks.application.saleor.RepeatedDeliveries;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.application.saleor.AnswerDeadline;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Adyen webhook of the contract, with WireMock playing Adyen's Checkout API and in-memory repositories. */
class AdyenSaleorAppTest {

    static final String API_URL = "https://shop.example/graphql/";
    static final String APP_ID = "QXBwOjE0";
    static final String SALEOR_TX = "VHJhbnNhY3Rpb25JdGVtOjE=";

    WireMockServer adyen;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-20T10:00:00Z"));
    /** How much of Saleor's wait has passed when the app gets the webhook. */
    Duration spentBeforeHandling = Duration.ZERO;
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final AtomicInteger eventIds = new AtomicInteger();
    final dev.payhooks.domain.saleor.InMemoryWebhookReplies replies = new dev.payhooks.domain.saleor.InMemoryWebhookReplies();
    final UnitOfWork direct = new UnitOfWork() {
        @Override
        public synchronized <T> T inNewTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };
    Channel channel;
    SaleorInstallation installation;
    AdyenSaleorApp app;

    @BeforeEach
    void setUp() {
        adyen = new WireMockServer(options().dynamicPort());
        adyen.start();
        try { // WireMock's first answer can be slow on a busy machine; the bound under test is not about that
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(adyen.baseUrl() + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the tests themselves will say what is wrong
        }
        adyen.resetRequests();
        Merchant merchant = Merchant.register("m-1", "Shop", "abcdefghij12345", clock.instant());
        merchants.add(merchant);
        channel = Channel.open("c-1", "m-1", "eu-store", "Europe", "EUR", "DE", clock.instant());
        channels.add(channel);
        configure("AUTHORIZE");
        installation = SaleorInstallation.install(API_URL, ProviderId.ADYEN, "m-1", APP_ID,
            secrets.seal("token", "ctx"), "{\"keys\":[]}", clock.instant());
        SequentialIds ids = new SequentialIds();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        TransactionNotices notices = new TransactionNotices(queue,
            () -> new EventId(String.format("%064x", eventIds.incrementAndGet())), clock);
        // a short bound stands in for the 15 s one
        AdyenChannels adyenChannels = new AdyenChannels(merchants, channels, secrets, Optional::empty);
        AdyenCheckoutClient client = new AdyenCheckoutClient(TestGates.sandbox(), Duration.ofMillis(700));
        AdyenPayments provider = new AdyenPayments(adyenChannels, client);
        RepeatedDeliveries deliveries = new RepeatedDeliveries(replies, direct, clock);
        RecordProviderOutcome outcomes = new RecordProviderOutcome(transactions, notices, ids, clock);
        app = new AdyenSaleorApp(adyenChannels, client, direct, new AdyenSaleorApp.Handlers(
            new InitializeSession(provider, AdyenSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions, direct, clock),
            new ProcessSession(provider, AdyenSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions, direct, clock),
            new ChargeTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, direct, clock),
            new CancelTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, direct, clock),
            new RefundTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, direct, clock)));
    }

    void configure(String captureStrategy) {
        configure(channel, captureStrategy, "adyen-api-key-123456");
    }

    void configure(Channel channel, String captureStrategy, String apiKey) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("merchantAccount", "Shop_ECOM");
        values.put("clientKey", "test_CLIENTKEY");
        values.put("environment", "TEST");
        values.put("apiBaseUrl", adyen.baseUrl() + "/v71");
        values.put("captureStrategy", captureStrategy);
        values.put("notificationUsername", "adyen");
        channel.configure(new ProviderSettings(ProviderId.ADYEN, null, values,
            Map.of("apiKey", secrets.seal(apiKey, ProviderSettings.secretContext(ProviderId.ADYEN, "apiKey")))),
            clock.instant());
    }

    @AfterEach
    void tearDown() {
        adyen.stop();
    }

    // ---- payloads ------------------------------------------------

    static final String ADDRESS = """
        {"firstName": "Anna", "lastName": "Berg", "companyName": "", "streetAddress1": "Hauptstr. 1",
         "streetAddress2": "", "city": "Berlin", "cityArea": "", "postalCode": "10115", "countryArea": "",
         "country": {"code": "DE"}, "phone": "+49301234567"}""";

    static final String CHECKOUT = """
        {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6MQ==", "email": "anna@example.test", "created": "2026-11-20T09:58:00+00:00",
         "channel": {"id": "Q2hhbm5lbDox", "slug": "eu-store", "currencyCode": "EUR"},
         "totalPrice": {"gross": {"amount": 24.00, "currency": "EUR"}},
         "shippingPrice": {"gross": {"amount": 4.00}}, "discount": {"amount": 0},
         "billingAddress": %s, "shippingAddress": %s,
         "lines": [{"id": "Q2hlY2tvdXRMaW5lOjE=", "quantity": 2,
           "variant": {"sku": "CUP", "name": "Blue", "product": {"name": "Tea cup"}},
           "unitPrice": {"gross": {"amount": 10.00}}, "totalPrice": {"gross": {"amount": 20.00}}}]}"""
        .formatted(ADDRESS, ADDRESS);

    static final String ORDER = """
        {"__typename": "Order", "id": "T3JkZXI6MQ==", "number": "1042", "userEmail": "anna@example.test",
         "created": "2026-11-20T10:00:00+00:00",
         "channel": {"id": "Q2hhbm5lbDox", "slug": "eu-store", "currencyCode": "EUR"},
         "total": {"gross": {"amount": 24.00, "currency": "EUR"}}, "shippingPrice": {"gross": {"amount": 4.00}},
         "discounts": [], "billingAddress": %s, "shippingAddress": %s,
         "lines": [{"id": "T3JkZXJMaW5lOjE=", "productSku": "CUP", "productName": "Tea cup",
           "variantName": "Blue", "quantity": 2, "unitPrice": {"gross": {"amount": 10.00}},
           "totalPrice": {"gross": {"amount": 20.00}}}]}""".formatted(ADDRESS, ADDRESS);

    SaleorReply send(String event, String json) {
        AnswerDeadline deadline = new AnswerDeadline(clock.instant().plus(AnswerDeadline.SALEOR_WAIT)
            .minus(spentBeforeHandling), clock);
        return app.handle(new SaleorWebhook(installation, event, Json.createReader(new StringReader(json)).readObject(),
            deadline));
    }

    SaleorReply gateway() {
        return send("payment_gateway_initialize_session", """
            {"__typename": "PaymentGatewayInitializeSession", "recipient": {"id": "%s"}, "amount": 24.00, "data": null,
             "sourceObject": %s}""".formatted(APP_ID, CHECKOUT));
    }

    SaleorReply initialize(String actionType) {
        return send("transaction_initialize_session", """
            {"__typename": "TransactionInitializeSession", "issuedAt": "2026-11-20T10:00:05+00:00",
             "recipient": {"id": "%s"}, "idempotencyKey": "idem-1", "merchantReference": "%s",
             "data": {"paymentMethod": {"type": "scheme", "encryptedCardNumber": "enc"}, "returnUrl": "https://shop.example/return"},
             "action": {"amount": 24.00, "currency": "EUR", "actionType": "%s"},
             "transaction": {"id": "%s", "token": "0c2f-uuid", "pspReference": ""},
             "sourceObject": %s}""".formatted(APP_ID, SALEOR_TX, actionType, SALEOR_TX, CHECKOUT));
    }

    SaleorReply process(String data) {
        return send("transaction_process_session", """
            {"__typename": "TransactionProcessSession", "recipient": {"id": "%s"}, "merchantReference": "%s",
             "data": %s, "action": {"amount": 24.00, "currency": "EUR", "actionType": "CHARGE"},
             "transaction": {"id": "%s", "token": "0c2f-uuid", "pspReference": "PSP1"},
             "sourceObject": %s}""".formatted(APP_ID, SALEOR_TX, data, SALEOR_TX, CHECKOUT));
    }

    SaleorReply requested(String event, String actionType, String amount, String pspReference, String grantedRefund) {
        return send(event, """
            {"__typename": "X", "recipient": {"id": "%s"},
             "action": {"actionType": "%s", "amount": %s, "currency": "EUR"},
             "transaction": {"id": "%s", "token": "0c2f-uuid", "pspReference": "%s",
               "chargedAmount": {"amount": 24.00, "currency": "EUR"}, "authorizedAmount": {"amount": 0, "currency": "EUR"},
               "order": %s, "checkout": null},
             "grantedRefund": %s}""".formatted(APP_ID, actionType, amount, SALEOR_TX, pspReference, ORDER, grantedRefund));
    }

    JsonObject lastRequest(String path) {
        List<LoggedRequest> requests = adyen.findAll(postRequestedFor(urlEqualTo(path)));
        return Json.createReader(new StringReader(requests.get(requests.size() - 1).getBodyAsString())).readObject();
    }

    List<String> outboundTypes() {
        return outbox.after(OutboxPosition.START, 100).stream().map(OutboundEvent::eventType).toList();
    }

    // ---- two merchants, each with its own Saleor ------------------------------------------------

    /**
     * Two merchants, each with its own Saleor installation, the same channel slug, Adyen merchant
     * account, Saleor transaction id and pspReference: each Saleor's requests act for its own
     * merchant only, with that merchant's Adyen key, and neither sees the other's payment.
     */
    @Test
    void twoMerchantsWithTheSameChannelSlugAndProviderIdsNeverSeeEachOthersPayments() {
        merchants.add(Merchant.register("m-2", "Second shop", "bcdefghij123456", clock.instant()));
        Channel second = Channel.open("c-2", "m-2", "eu-store", "Europe", "EUR", "DE", clock.instant());
        channels.add(second);
        configure(second, "AUTHORIZE", "second-api-key-654321");
        SaleorInstallation first = installation;
        SaleorInstallation secondSaleor = SaleorInstallation.install("https://second.example/graphql/", ProviderId.ADYEN,
            "m-2", APP_ID, secrets.seal("token-2", "ctx"), "{\"keys\":[]}", clock.instant());
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson("{\"pspReference\": \"CAP1\"}")));

        installation = secondSaleor;
        assertEquals("AUTHORIZATION_SUCCESS", initialize("AUTHORIZATION").body().getString("result"));
        installation = first;
        assertEquals("AUTHORIZATION_SUCCESS", initialize("AUTHORIZATION").body().getString("result"),
            "the same idempotency key in another Saleor is another request");

        PaymentTransaction ofFirst = transactions.byMerchantReference("m-1", ProviderId.ADYEN, SALEOR_TX).orElseThrow();
        PaymentTransaction ofSecond = transactions.byMerchantReference("m-2", ProviderId.ADYEN, SALEOR_TX).orElseThrow();
        assertFalse(ofFirst.id().equals(ofSecond.id()));
        assertEquals(ofFirst.id(), transactions.byProviderReference("m-1", ProviderId.ADYEN, "PSP1").orElseThrow().id());
        assertEquals(ofSecond.id(), transactions.byProviderReference("m-2", ProviderId.ADYEN, "PSP1").orElseThrow().id());
        assertTrue(transactions.byId("m-1", ofSecond.id()).isEmpty());
        assertTrue(transactions.byId("m-2", ofFirst.id()).isEmpty());
        assertEquals(2, transactions.size());
        assertEquals(List.of("m-2", "m-1"), outbox.after(OutboxPosition.START, 100).stream().map(OutboundEvent::merchantId)
            .toList(), "each merchant's webhooks get its own payment's event");

        installation = secondSaleor;
        requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null");
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments")).withHeader("X-API-Key", equalTo("second-api-key-654321")));
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments")).withHeader("X-API-Key", equalTo("adyen-api-key-123456")));
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures"))
            .withHeader("X-API-Key", equalTo("second-api-key-654321")));
        adyen.verify(0, postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures"))
            .withHeader("X-API-Key", equalTo("adyen-api-key-123456")));
    }

    // ---- payment_gateway_initialize_session -----------------------------------------------------

    @Test
    void gatewayInitializeAnswersPaymentMethodsWithClientKeyAndEnvironment() {
        adyen.stubFor(post("/v71/paymentMethods").willReturn(okJson("{\"paymentMethods\": [{\"type\": \"scheme\"}]}")));

        SaleorReply reply = gateway();

        assertEquals(200, reply.status());
        JsonObject data = reply.body().getJsonObject("data");
        assertEquals("test_CLIENTKEY", data.getString("clientKey"));
        assertEquals("TEST", data.getString("environment"));
        assertEquals("scheme", data.getJsonObject("paymentMethodsResponse").getJsonArray("paymentMethods")
            .getJsonObject(0).getString("type"));
        assertFalse(data.containsKey("errors"));
        JsonObject sent = lastRequest("/v71/paymentMethods");
        assertEquals("Shop_ECOM", sent.getString("merchantAccount"));
        assertEquals(2400, sent.getJsonObject("amount").getInt("value"));
        assertEquals("DE", sent.getString("countryCode"));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/paymentMethods")).withHeader("X-API-Key", equalTo("adyen-api-key-123456")));
    }

    @Test
    void gatewayInitializeWithAdyenDownCarriesTheError() {
        adyen.stubFor(post("/v71/paymentMethods").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"status\": 401, \"errorCode\": \"000\", \"message\": \"HTTP Status Response - Unauthorized\"}")));

        JsonObject error = gateway().body().getJsonObject("data").getJsonArray("errors").getJsonObject(0);

        assertEquals("AdyenApiError", error.getString("code"));
        assertEquals(401, error.getJsonObject("details").getInt("statusCode"));
        assertEquals("000", error.getJsonObject("details").getString("errorCode"));
    }

    @Test
    void unconfiguredChannelIs400() {
        channel.removeProvider(ProviderId.ADYEN, clock.instant());
        SaleorReply reply = gateway();
        assertEquals(400, reply.status());
        assertEquals("App is not configured", reply.body().getString("message"));
    }

    // ---- transaction_initialize_session -------------------------------------------------------

    @Test
    void initializeForAnAuthorizationSendsManualCaptureAndRecordsTheAuthorization() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));

        JsonObject reply = initialize("AUTHORIZATION").body();

        assertEquals("AUTHORIZATION_SUCCESS", reply.getString("result"));
        assertEquals("PSP1", reply.getString("pspReference"));
        assertEquals(List.of("CHARGE", "CANCEL"), reply.getJsonArray("actions").getValuesAs(jakarta.json.JsonString.class)
            .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("Authorised", reply.getJsonObject("data").getJsonObject("paymentResponse").getString("resultCode"));
        JsonObject sent = lastRequest("/v71/payments");
        assertEquals(SALEOR_TX, sent.getString("reference"));
        assertEquals("Shop_ECOM", sent.getString("merchantAccount"));
        assertEquals(2400, sent.getJsonObject("amount").getInt("value"));
        assertEquals("EUR", sent.getJsonObject("amount").getString("currency"));
        assertEquals("true", sent.getJsonObject("additionalData").getString("manualCapture"));
        assertEquals("scheme", sent.getJsonObject("paymentMethod").getString("type"));
        assertEquals(SALEOR_TX, sent.getJsonObject("metadata").getString("transactionId"));
        assertEquals("Q2hlY2tvdXQ6MQ==", sent.getJsonObject("metadata").getString("checkoutId"));
        JsonArray lines = sent.getJsonArray("lineItems");
        assertEquals(2, lines.size()); // the cup line and shipping
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withHeader("Idempotency-Key", equalTo("idem-1")));
        PaymentTransaction payment = transactions.all().get(0);
        assertEquals(SALEOR_TX, payment.merchantReference());
        assertEquals(Optional.of("PSP1"), payment.providerReference());
        assertEquals(List.of("transaction.authorization.success"), outboundTypes());
    }

    @Test
    void initializeForAChargeOnAChargingChannelIsASale() {
        configure("CHARGE");
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\", "
            + "\"paymentMethod\": {\"type\": \"scheme\", \"brand\": \"mc\"}, \"additionalData\": {\"cardSummary\": \"4444\"}}")));

        JsonObject reply = initialize("CHARGE").body();

        assertEquals("CHARGE_SUCCESS", reply.getString("result"));
        assertEquals("mc", reply.getJsonObject("paymentMethodDetails").getString("brand"));
        assertEquals("4444", reply.getJsonObject("paymentMethodDetails").getString("lastDigits"));
        assertFalse(lastRequest("/v71/payments").containsKey("additionalData"));
        assertEquals(List.of("transaction.sale.success"), outboundTypes());
    }

    @Test
    void anAuthorizationRequestOnAChargingChannelStaysAnAuthorization() {
        configure("CHARGE");
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));
        assertEquals("AUTHORIZATION_SUCCESS", initialize("AUTHORIZATION").body().getString("result"));
    }

    @Test
    void anActionInTheAnswerNeedsTheShopper() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson(
            "{\"resultCode\": \"RedirectShopper\", \"action\": {\"type\": \"redirect\", \"url\": \"https://adyen.test/3ds\"}}")));

        JsonObject reply = initialize("AUTHORIZATION").body();

        assertEquals("AUTHORIZATION_ACTION_REQUIRED", reply.getString("result"));
        assertFalse(reply.containsKey("pspReference"));
        assertEquals("redirect", reply.getJsonObject("data").getJsonObject("paymentResponse").getJsonObject("action")
            .getString("type"));
        assertEquals(List.of("transaction.action_required"), outboundTypes());
    }

    @Test
    void refusedIsAFailureWithAdyensReason() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson(
            "{\"pspReference\": \"PSP1\", \"resultCode\": \"Refused\", \"refusalReason\": \"Not enough balance\"}")));

        JsonObject reply = initialize("AUTHORIZATION").body();

        assertEquals("AUTHORIZATION_FAILURE", reply.getString("result"));
        assertTrue(reply.getString("message").contains("Not enough balance"), reply.getString("message"));
        assertEquals(List.of("transaction.authorization.failure"), outboundTypes());
    }

    @Test
    void pendingIsARequest() {
        configure("CHARGE");
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Pending\"}")));
        assertEquals("CHARGE_REQUEST", initialize("CHARGE").body().getString("result"));
        assertEquals(List.of("transaction.pending"), outboundTypes());
    }

    @Test
    void aSlowAdyenIsATimeoutFailure() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")
            .withFixedDelay(2000)));

        JsonObject reply = initialize("AUTHORIZATION").body();

        assertEquals("AUTHORIZATION_FAILURE", reply.getString("result"));
        assertEquals("Timeout Error", reply.getString("message"));
        assertEquals("TimeoutError", reply.getJsonObject("data").getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(List.of(), transactions.all());
    }

    @Test
    void anAdyenValidationErrorIsAFailureWithItsDetails() {
        adyen.stubFor(post("/v71/payments").willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
            .withBody("{\"status\": 422, \"errorCode\": \"14_0\", \"message\": \"Invalid amount\", \"errorType\": \"validation\"}")));

        JsonObject reply = initialize("AUTHORIZATION").body();

        assertEquals("AUTHORIZATION_FAILURE", reply.getString("result"));
        JsonObject error = reply.getJsonObject("data").getJsonArray("errors").getJsonObject(0);
        assertEquals("14_0", error.getJsonObject("details").getString("errorCode"));
        assertEquals(422, error.getJsonObject("details").getInt("statusCode"));
    }

    // ---- transaction_process_session ------------------------------------------------------------

    @Test
    void processSendsTheDetailsAndRecordsTheOutcome() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson(
            "{\"resultCode\": \"RedirectShopper\", \"action\": {\"type\": \"redirect\"}}")));
        adyen.stubFor(post("/v71/payments/details").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));
        initialize("AUTHORIZATION");

        JsonObject reply = process("{\"details\": {\"redirectResult\": \"X6XtfGC3\"}}").body();

        assertEquals("AUTHORIZATION_SUCCESS", reply.getString("result"));
        assertEquals("Authorised", reply.getJsonObject("data").getJsonObject("paymentDetailsResponse").getString("resultCode"));
        assertEquals("X6XtfGC3", lastRequest("/v71/payments/details").getJsonObject("details").getString("redirectResult"));
        assertEquals(1, transactions.all().size());
        assertEquals(List.of("transaction.action_required", "transaction.authorization.success"), outboundTypes());
    }

    @Test
    void processWithoutDetailsFailsWithoutCallingAdyen() {
        JsonObject reply = process("null").body();
        assertEquals("AUTHORIZATION_FAILURE", reply.getString("result"));
        adyen.verify(0, postRequestedFor(urlEqualTo("/v71/payments/details")));
    }

    // ---- charge / cancel ------------------------------------------------------------------------

    @Test
    void chargeCapturesAndAnswersPending() {
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson(
            "{\"pspReference\": \"CAP1\", \"paymentPspReference\": \"PSP1\", \"status\": \"received\"}")));

        JsonObject reply = requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body();

        assertEquals("CAP1", reply.getString("pspReference"));
        assertFalse(reply.containsKey("result")); // pending: the CAPTURE notification confirms it
        JsonObject sent = lastRequest("/v71/payments/PSP1/captures");
        assertEquals(2400, sent.getJsonObject("amount").getInt("value"));
        assertEquals("Shop_ECOM", sent.getString("merchantAccount"));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures")).withHeader("Idempotency-Key", matching("[0-9a-f]{64}")));
    }

    @Test
    void aRepeatedChargeGetsTheStoredAnswerWithoutASecondCapture() {
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson("{\"pspReference\": \"CAP1\"}")));
        JsonObject first = requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body();
        JsonObject again = requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body();
        assertEquals(first, again);
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures")));
        // another amount is another request
        requested("transaction_charge_requested", "CHARGE", "10.00", "PSP1", "null");
        adyen.verify(2, postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures")));
    }

    @Test
    void aChargeRetriedAfterAFailureCallsAdyenAgainWithTheSameIdempotencyKey() {
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(aResponse().withStatus(500)));
        assertEquals("CHARGE_FAILURE", requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body()
            .getString("result"));
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson("{\"pspReference\": \"CAP1\"}")));
        assertEquals("CAP1", requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body()
            .getString("pspReference"));
        List<LoggedRequest> calls = adyen.findAll(postRequestedFor(urlEqualTo("/v71/payments/PSP1/captures")));
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).getHeader("Idempotency-Key"), calls.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void aRepeatedInitializeGetsTheStoredAnswerWithoutASecondPayment() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));
        JsonObject first = initialize("AUTHORIZATION").body();
        clock.advance(Duration.ofSeconds(3));
        JsonObject again = initialize("AUTHORIZATION").body();
        assertEquals(first, again); // the same answer, time included
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments")));
        assertEquals(List.of("transaction.authorization.success"), outboundTypes());
    }

    @Test
    void aRepeatedProcessGetsTheStoredAnswerButNewDetailsAreANewRequest() {
        adyen.stubFor(post("/v71/payments/details").willReturn(okJson("{\"pspReference\": \"PSP1\", \"resultCode\": \"Authorised\"}")));
        JsonObject first = process("{\"details\": {\"redirectResult\": \"X1\"}}").body();
        assertEquals(first, process("{\"details\": {\"redirectResult\": \"X1\"}}").body());
        adyen.verify(1, postRequestedFor(urlEqualTo("/v71/payments/details")));
        process("{\"details\": {\"redirectResult\": \"X2\"}}");
        adyen.verify(2, postRequestedFor(urlEqualTo("/v71/payments/details")));
    }

    @Test
    void aRequestStillBeingHandledIs409() {
        replies.claim("adyen " + API_URL, "cancel:" + SALEOR_TX + ":PSP1:24.00", clock.instant());
        SaleorReply busy = requested("transaction_cancelation_requested", "CANCEL", "24.00", "PSP1", "null");
        assertEquals(409, busy.status());
        assertEquals(0, adyen.getAllServeEvents().size());
    }

    @Test
    void chargeTimeoutIsAChargeFailure() {
        adyen.stubFor(post("/v71/payments/PSP1/captures").willReturn(okJson("{\"pspReference\": \"CAP1\"}").withFixedDelay(2000)));

        JsonObject reply = requested("transaction_charge_requested", "CHARGE", "24.00", "PSP1", "null").body();

        assertEquals("CHARGE_FAILURE", reply.getString("result"));
        assertEquals("Timeout Error", reply.getString("message"));
    }

    @Test
    void chargeWithoutPspReferenceFails() {
        JsonObject reply = requested("transaction_charge_requested", "CHARGE", "24.00", "", "null").body();
        assertEquals("CHARGE_FAILURE", reply.getString("result"));
        assertEquals(0, adyen.getAllServeEvents().size());
    }

    @Test
    void cancelAndItsRefusal() {
        adyen.stubFor(post("/v71/payments/PSP1/cancels").willReturn(okJson("{\"pspReference\": \"CAN1\"}")));
        assertEquals("CAN1", requested("transaction_cancelation_requested", "CANCEL", "24.00", "PSP1", "null").body()
            .getString("pspReference"));
        assertFalse(lastRequest("/v71/payments/PSP1/cancels").containsKey("amount"));

        adyen.stubFor(post("/v71/payments/PSP2/cancels").willReturn(aResponse().withStatus(422)
            .withHeader("Content-Type", "application/json").withBody("{\"status\": 422, \"message\": \"Original pspReference required\"}")));
        JsonObject refused = requested("transaction_cancelation_requested", "CANCEL", "24.00", "PSP2", "null").body();
        assertEquals("CANCEL_FAILURE", refused.getString("result"));
        assertTrue(refused.getString("message").contains("Original pspReference required"));
    }

    // ---- refund ---------------------------------------------------------------------------------

    @Test
    void partialManualRefundSendsNoLineItems() {
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(okJson("{\"pspReference\": \"REF1\"}")));

        JsonObject reply = requested("transaction_refund_requested", "REFUND", "10.00", "PSP1", "null").body();

        assertEquals("REF1", reply.getString("pspReference"));
        JsonObject sent = lastRequest("/v71/payments/PSP1/refunds");
        assertEquals(1000, sent.getJsonObject("amount").getInt("value"));
        assertFalse(sent.containsKey("lineItems"));
    }

    @Test
    void fullManualRefundSendsEveryLine() {
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(okJson("{\"pspReference\": \"REF1\"}")));
        requested("transaction_refund_requested", "REFUND", "24.00", "PSP1", "null");
        assertEquals(List.of("T3JkZXJMaW5lOjE=", "shipping"), ids(lastRequest("/v71/payments/PSP1/refunds").getJsonArray("lineItems")));
    }

    @Test
    void grantedRefundSendsItsLinesAndShipping() {
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(okJson("{\"pspReference\": \"REF1\"}")));
        requested("transaction_refund_requested", "REFUND", "14.00", "PSP1", """
            {"id": "T3JkZXJHcmFudGVkUmVmdW5kOjE=", "amount": {"amount": 14.00, "currency": "EUR"},
             "shippingCostsIncluded": true, "lines": [{"id": "g-1", "quantity": 1, "orderLine": {"id": "T3JkZXJMaW5lOjE="}}]}""");
        JsonArray lines = lastRequest("/v71/payments/PSP1/refunds").getJsonArray("lineItems");
        assertEquals(List.of("T3JkZXJMaW5lOjE=", "shipping"), ids(lines));
        assertEquals(1, lines.getJsonObject(0).getInt("quantity"));
    }

    @Test
    void grantedRefundNamingAnotherOrdersLineIs400() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> requested("transaction_refund_requested", "REFUND", "10.00",
            "PSP1", """
            {"id": "G1", "amount": {"amount": 10.00, "currency": "EUR"}, "shippingCostsIncluded": false,
             "lines": [{"id": "g-1", "quantity": 1, "orderLine": {"id": "T3JkZXJMaW5lOjk5"}}]}"""));
        assertEquals(400, problem.status());
        assertEquals(0, adyen.getAllServeEvents().size());
    }

    @Test
    void refundRefusedOrTimedOutIsARefundFailure() {
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(aResponse().withStatus(500)));
        assertEquals("REFUND_FAILURE", requested("transaction_refund_requested", "REFUND", "10.00", "PSP1", "null").body()
            .getString("result"));
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(okJson("{}").withFixedDelay(2000)));
        JsonObject slow = requested("transaction_refund_requested", "REFUND", "11.00", "PSP1", "null").body();
        assertEquals("REFUND_FAILURE", slow.getString("result"));
        assertEquals("Timeout Error", slow.getString("message"));
    }

    @Test
    void aRefundWithTooLittleOfSaleorsWaitLeftIsNotSentAndCanBeAskedAgain() {
        adyen.stubFor(post("/v71/payments/PSP1/refunds").willReturn(okJson("{\"pspReference\": \"REF1\"}")));
        spentBeforeHandling = Duration.ofSeconds(16);  // Saleor gives up 18 s after sending; 2 s are the hub's own

        JsonObject late = requested("transaction_refund_requested", "REFUND", "10.00", "PSP1", "null").body();

        assertEquals("REFUND_FAILURE", late.getString("result"));
        assertEquals("Timeout Error", late.getString("message"));
        assertEquals(0, adyen.getAllServeEvents().size());
        spentBeforeHandling = Duration.ZERO;
        JsonObject again = requested("transaction_refund_requested", "REFUND", "10.00", "PSP1", "null").body();
        assertEquals("REF1", again.getString("pspReference"));
        assertEquals(1, adyen.getAllServeEvents().size());
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getString("id")).toList();
    }
}
