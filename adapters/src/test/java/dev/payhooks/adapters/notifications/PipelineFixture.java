package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.outbound.TestGates;
import dev.payhooks.adapters.adyen.AdyenNotifications;
import dev.payhooks.adapters.annanow.AnnanowApi;
import dev.payhooks.adapters.annanow.AnnanowNotifications;
import dev.payhooks.adapters.walley.WalleyNotifications;
import dev.payhooks.domain.inbound.InMemoryInboundNotifications;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.outbound.EventIdGenerator;
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
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.notifications.ApplyNotifications;
import dev.payhooks.application.notifications.NotificationProviders;
import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.application.payment.RecordProviderOutcome;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole inbound pipeline on in-memory repositories: one merchant, channel "shop" (SEK) with
 * Walley (Basic auth, optional signature) and Annanow (URL key or Basic, optional re-fetch).
 */
public class PipelineFixture {

    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    public static final String WALLEY_USER = "walley-hub";
    public static final String WALLEY_PASSWORD = "walley-pass-123";
    public static final String WALLEY_HMAC_KEY = "walley-hmac-key";
    public static final String ADYEN_USER = "adyen-hub";
    public static final String ADYEN_PASSWORD = "adyen-pass-1234";
    public static final String ADYEN_MERCHANT_ACCOUNT = "ShopAB_ECOM";
    /** The contract's test vector key, and another one for rotations. */
    public static final String ADYEN_HMAC_KEY = "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00";
    public static final String ADYEN_OTHER_HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    public static final String ANNANOW_USER = "annanow-hub";
    public static final String ANNANOW_PASSWORD = "annanow-pass-123";

    public final SteppingClock clock = new SteppingClock(NOW);
    public final SequentialIds ids = new SequentialIds();
    public final FakeSecrets secrets = new FakeSecrets();
    public final InMemoryChannels channels = new InMemoryChannels();
    public final InMemoryMerchants merchants = new InMemoryMerchants();
    public final InMemoryInboundNotifications notifications = new InMemoryInboundNotifications();
    public final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final ManageChannels manageChannels = new ManageChannels(channels, secrets, ids, clock,
        new dev.payhooks.domain.audit.InMemoryAuditTrail().recorder(() -> dev.payhooks.domain.audit.Actor.SYSTEM, clock),
        (provider, field, url) -> { });
    public final Merchant merchant = Merchant.register("m-1", "Shop AB", "shopab000000001", NOW);
    /** What the Annanow API answers for a transaction's status; empty = unknown (404). */
    public final Map<Long, String> annanowApiStatuses = new LinkedHashMap<>();
    public final dev.payhooks.domain.saleor.InMemorySaleorInstallations saleorInstallations =
        new dev.payhooks.domain.saleor.InMemorySaleorInstallations();
    public final dev.payhooks.domain.saleor.InMemoryTransactionReports saleorReports =
        new dev.payhooks.domain.saleor.InMemoryTransactionReports();
    public final ReceiveNotifications pipeline;
    public final ApplyNotifications applying;
    public final NotificationEndpoint endpoint;

    public PipelineFixture() {
        merchants.add(merchant);
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        EventIdGenerator eventIds = EventIdGenerator.secureRandom();
        AnnanowApi api = new AnnanowApi(TestGates.sandbox()) {
            @Override
            public Optional<String> transactionStatus(dev.payhooks.domain.provider.ProviderConfiguration configuration,
                                                      long transactionId) {
                return Optional.ofNullable(annanowApiStatuses.get(transactionId));
            }
        };
        NotificationProviders providers = new NotificationProviders(List.of(new AdyenNotifications(),
            new WalleyNotifications(), new AnnanowNotifications(api)));
        pipeline = new ReceiveNotifications(providers, channels, notifications, secrets, ids, clock);
        applying = new ApplyNotifications(providers, channels, merchants, notifications,
            new RecordProviderOutcome(transactions, new TransactionNotices(queue, eventIds, clock), ids, clock), queue,
            eventIds, secrets, clock, List.of(new dev.payhooks.adapters.adyen.AdyenSaleorReports(
                new dev.payhooks.application.channels.SaleorInstallationCache(saleorInstallations, Runnable::run),
                saleorReports, ids, clock)));
        endpoint = new NotificationEndpoint(pipeline, applying, new NotificationEndpoint.Transactions() {
            @Override
            public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        }, stored -> stored.forEach(this::applyStored), clock);
        manageChannels.open(setup(), new ManageChannels.ChannelDescription("shop", "Shop", "SEK", "SE"));
        configureWalley(false);
        configureAnnanow("URL_KEY", false);
    }

    /** The inbox of this fixture applies what a request stored before the request returns, so tests read the outcome at once. */
    private void applyStored(String notificationId) {
        endpoint.applyNow(notificationId);
    }

    public void configureWalley(boolean verifySignature) {
        Map<String, SettingInput> input = new LinkedHashMap<>();
        input.put("clientId", new SettingInput.Text("client"));
        input.put("clientSecret", new SettingInput.Text("client-secret"));
        input.put("scope", new SettingInput.Text("705798e0-8cef-427c-ae00-6023deba29af/.default"));
        input.put("authBaseUrl", new SettingInput.Text("https://auth.example.test"));
        input.put("apiBaseUrl", new SettingInput.Text("https://api.example.test"));
        input.put("webhookUsername", new SettingInput.Text(WALLEY_USER));
        input.put("webhookPassword", new SettingInput.Text(WALLEY_PASSWORD));
        input.put("webhookHmacKey", new SettingInput.Text(WALLEY_HMAC_KEY));
        input.put("verifySignature", new SettingInput.Flag(verifySignature));
        manageChannels.configureProvider(setup(), "shop", ProviderId.WALLEY, input);
    }

    /** Adyen on channel "shop" (not configured by default): capture strategy AUTHORIZE or CHARGE, HMAC keys newest first. */
    public void configureAdyen(String captureStrategy, String... hmacKeys) {
        Map<String, SettingInput> input = new LinkedHashMap<>();
        input.put("apiKey", new SettingInput.Text("adyen-api-key-123456"));
        input.put("merchantAccount", new SettingInput.Text(ADYEN_MERCHANT_ACCOUNT));
        input.put("clientKey", new SettingInput.Text("test_CLIENTKEY"));
        input.put("captureStrategy", new SettingInput.Text(captureStrategy));
        input.put("hmacKeys", new SettingInput.TextList(List.of(hmacKeys)));
        input.put("notificationUsername", new SettingInput.Text(ADYEN_USER));
        input.put("notificationPassword", new SettingInput.Text(ADYEN_PASSWORD));
        manageChannels.configureProvider(setup(), "shop", ProviderId.ADYEN, input);
    }

    public void configureAnnanow(String authMode, boolean confirmByRefetch) {
        Map<String, SettingInput> input = new LinkedHashMap<>();
        input.put("instance", new SettingInput.Text("shop"));
        input.put("apiSecret", new SettingInput.Text("annanow-api-secret"));
        input.put("authMode", new SettingInput.Text(authMode));
        input.put("username", new SettingInput.Text(ANNANOW_USER));
        input.put("password", new SettingInput.Text(ANNANOW_PASSWORD));
        input.put("confirmByRefetch", new SettingInput.Flag(confirmByRefetch));
        manageChannels.configureProvider(setup(), "shop", ProviderId.ANNANOW, input);
    }

    public Channel channel() {
        return channels.bySlug(merchant.id(), "shop").orElseThrow();
    }

    public String endpointKey(ProviderId provider) {
        return channel().provider(provider).orElseThrow().endpointKey().orElseThrow();
    }

    public NotificationEndpoint.Answer post(ProviderId provider, Map<String, String> headers, byte[] body) {
        return post(provider.slug(), endpointKey(provider), headers, body);
    }

    public NotificationEndpoint.Answer post(String provider, String endpointKey, Map<String, String> headers, byte[] body) {
        clock.advance(java.time.Duration.ofSeconds(1)); // events of later requests sort after earlier ones
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return endpoint.handle(provider, endpointKey, multi, new ByteArrayInputStream(body));
    }

    /**
     * What the endpoint does with one request, without HTTP: receives it and applies what it
     * stored with the same request. Returns the request, which counts how often its body was read.
     */
    public dev.payhooks.domain.provider.InboundRequest receiveAndApply(ProviderId provider, Map<String, String> headers,
                                                                       byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        dev.payhooks.domain.provider.InboundRequest request = new dev.payhooks.domain.provider.InboundRequest(provider,
            endpointKey(provider), body, NotificationEndpoint.headersOf(multi), clock.instant());
        pipeline.receive(request).toApply().forEach(id -> applying.apply(id, request));
        return request;
    }

    /** Headers of a Walley delivery with the channel's Basic credentials. */
    public static Map<String, String> walleyHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", basic(WALLEY_USER, WALLEY_PASSWORD));
        headers.put("User-Agent", "Walleybot/1.0");
        return headers;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public List<PaymentTransaction> allTransactions() {
        return transactions.all();
    }

    public PaymentTransaction onlyTransaction() {
        List<PaymentTransaction> all = transactions.all();
        if (all.size() != 1) {
            throw new AssertionError("expected one transaction, found " + all.size());
        }
        return all.get(0);
    }

    public List<String> outboundTypes() {
        return outbox.after(OutboxPosition.START, 1000).stream().map(OutboundEvent::eventType).toList();
    }

    public List<OutboundEvent> outboundEvents() {
        return outbox.after(OutboxPosition.START, 1000);
    }

    public List<InboundNotification> storedNotifications() {
        return notifications.all();
    }

    /** Staff who may set up the merchant's channels. */
    private dev.payhooks.application.access.Caller setup() {
        return new dev.payhooks.application.access.Caller.Staff("setup", java.util.Set.of(dev.payhooks.domain.staff.StaffRole.DEVELOPER),
            false, java.util.Optional.empty(), merchant.id(), false);
    }
}
