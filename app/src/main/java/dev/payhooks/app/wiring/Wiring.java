package dev.payhooks.app.wiring;

import dev.payhooks.adapters.adyen.AdyenChannels;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient;
import dev.payhooks.adapters.adyen.AdyenNotifications;
import dev.payhooks.adapters.adyen.AdyenSaleorApp;
import dev.payhooks.adapters.adyen.AdyenSaleorReports;
import dev.payhooks.adapters.saleor.TransactionReportSender;
import dev.payhooks.domain.saleor.TransactionReports;
import dev.payhooks.persistence.saleor.JpaTransactionReports;
import dev.payhooks.adapters.annanow.AnnanowApi;
import dev.payhooks.adapters.annanow.AnnanowNotifications;
import dev.payhooks.adapters.notifications.JtaTransactions;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.adapters.walley.WalleyClient;
import dev.payhooks.adapters.walley.WalleyNotifications;
import dev.payhooks.app.secrets.AesGcmSecrets;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.Secret;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiCredentialsCheck;
import dev.payhooks.domain.provider.ProviderCredentialsChecks;
import dev.payhooks.adapters.npatobarai.NpAtobaraiSaleorApp;
import dev.payhooks.adapters.npatobarai.NpShipmentReporter;
import dev.payhooks.adapters.saleor.OrderNoteSender;
import dev.payhooks.adapters.saleor.SaleorApiClient;
import dev.payhooks.adapters.saleor.SaleorPaymentApp;
import dev.payhooks.adapters.saleor.SaleorRegistration;
import dev.payhooks.adapters.saleor.SaleorWebhookCheck;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.outbound.FulfillmentNotices;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.domain.saleor.SaleorInstallations;
import dev.payhooks.domain.saleor.WebhookReplies;
import dev.payhooks.persistence.saleor.JpaFulfillmentOrigins;
import dev.payhooks.persistence.saleor.JpaOrderNotes;
import dev.payhooks.persistence.saleor.JpaSaleorInstallations;
import dev.payhooks.persistence.saleor.JpaWebhookReplies;
import java.net.URI;
import java.util.Set;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.app.secrets.JdkHmacSha1;
import dev.payhooks.app.secrets.MasterKeySource;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.CurrentActor;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.ProviderEndpoints;
import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.adapters.outbound.SsrfGuard;
import dev.payhooks.domain.port.ProviderEndpointPolicy;
import dev.payhooks.adapters.outbound.SsrfUrlPolicy;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.ManageStaff;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.persistence.audit.JpaAuditTrail;
import dev.payhooks.persistence.fulfillment.JpaFulfillments;
import dev.payhooks.persistence.inbound.JpaInboundNotifications;
import dev.payhooks.persistence.merchant.JpaApiKeys;
import dev.payhooks.persistence.merchant.JpaChannels;
import dev.payhooks.persistence.merchant.JpaMerchants;
import dev.payhooks.persistence.outbound.JpaDeliveries;
import dev.payhooks.persistence.outbound.JpaEventLog;
import dev.payhooks.persistence.outbound.JpaOutbox;
import dev.payhooks.persistence.outbound.JpaSignatureKeys;
import dev.payhooks.persistence.outbound.JpaWebhookSubscriptions;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import dev.payhooks.persistence.refund.JpaRefunds;
import dev.payhooks.persistence.staff.JpaStaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Connects the domain's ports to their implementations: the one place that wires. */
@ApplicationScoped
public class Wiring {

    @PersistenceContext(unitName = "payhooks")
    EntityManager entityManager;

    @Inject
    PayhooksSettings settings;

    boolean production() {
        return settings.mode().production();
    }

    @Produces
    @ApplicationScoped
    StaffUsers staffUsers() {
        return new JpaStaffUsers(entityManager);
    }

    @Produces
    @ApplicationScoped
    Merchants merchants() {
        return new JpaMerchants(entityManager);
    }

    @Produces
    @ApplicationScoped
    Channels channels() {
        return new JpaChannels(entityManager);
    }

    @Produces
    @ApplicationScoped
    ApiKeys apiKeys() {
        return new JpaApiKeys(entityManager);
    }

    @Produces
    @ApplicationScoped
    PaymentTransactions paymentTransactions() {
        return new JpaPaymentTransactions(entityManager);
    }

    @Produces
    @ApplicationScoped
    Refunds refunds() {
        return new JpaRefunds(entityManager);
    }

    @Produces
    @ApplicationScoped
    Fulfillments fulfillments() {
        return new JpaFulfillments(entityManager);
    }

    @Produces
    @ApplicationScoped
    AuditTrail auditTrail() {
        return new JpaAuditTrail(entityManager);
    }

    @Produces
    @ApplicationScoped
    InboundNotifications inboundNotifications() {
        return new JpaInboundNotifications(entityManager);
    }

    @Produces
    @ApplicationScoped
    Outbox outbox() {
        return new JpaOutbox(entityManager);
    }

    @Produces
    @ApplicationScoped
    Deliveries deliveries() {
        return new JpaDeliveries(entityManager);
    }

    @Produces
    @ApplicationScoped
    Secrets secrets() {
        return new AesGcmSecrets(MasterKeySource.load(settings.keys().masterKey().map(Secret::value), production(),
            settings.keys().dataDir()));
    }

    @Produces
    @ApplicationScoped
    IdGenerator ids() {
        return new SecureIds();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Who acts is answered per call by {@link RequestActor}: the API key of the request, the signed-in staff member, or Payhooks. */
    @Produces
    AuditRecorder auditRecorder(AuditTrail trail, CurrentActor actor, IdGenerator ids, Clock clock) {
        return new AuditRecorder(trail, actor, ids, clock);
    }

    @Produces
    ManageChannels manageChannels(Channels channels, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit,
                                  ProviderEndpointPolicy endpoints) {
        return new ManageChannels(channels, secrets, ids, clock, audit, endpoints);
    }

    /**
     * Each provider's documented API hosts plus the operator's {@code payhooks.<provider>.allowed-hosts};
     * in sandbox mode also loopback and the hub's own host (its provider simulators). Also the
     * domain's {@link ProviderEndpointPolicy} (a bean type of this producer).
     */
    @Produces
    @jakarta.inject.Singleton
    ProviderEndpoints providerEndpoints() {
        Set<String> ownHosts = settings.publicUrl().configured().map(URI::create).map(URI::getHost)
            .map(Set::of).orElse(Set.of());
        return new ProviderEndpoints(production(), settings.providers().allowedHosts(), ownHosts);
    }

    /**
     * The one way out to NP Atobarai, Adyen, Walley and Annanow: their hosts only, through the SSRF
     * guard of outbound webhooks, to the checked address (no connection pool: see {@link PinnedHttpTransport}).
     */
    @Produces
    @jakarta.inject.Singleton
    ProviderGate providerGate(ProviderEndpoints endpoints) {
        return new ProviderGate(endpoints, ProviderGate.guardFor(production(), settings.outbound().allowList(),
            java.net.InetAddress::getAllByName), PinnedHttpTransport.withDefaultTrust("Payhooks/0.1"));
    }

    @Produces
    @ApplicationScoped
    WebhookSubscriptions webhookSubscriptions() {
        return new JpaWebhookSubscriptions(entityManager);
    }

    @Produces
    @ApplicationScoped
    SignatureKeys signatureKeys() {
        return new JpaSignatureKeys(entityManager);
    }

    /** The SSRF guard for hook URLs, with the configured allow-list and the system's DNS. */
    @Produces
    SsrfGuard ssrfGuard() {
        return new SsrfGuard(settings.outbound().allowList(), production(), java.net.InetAddress::getAllByName);
    }

    @Produces
    @ApplicationScoped
    OutboundUrlPolicy outboundUrlPolicy(SsrfGuard guard) {
        return new SsrfUrlPolicy(guard);
    }

    /** One strong random source for the application; seeding a new one per request costs on hot paths. */
    @Produces
    @ApplicationScoped
    RandomBytes randomBytes() {
        return RandomBytes.secure();
    }

    @Produces
    @ApplicationScoped
    EventIdGenerator eventIds() {
        return EventIdGenerator.secureRandom();
    }

    @Produces
    ManageSignatureKeys manageSignatureKeys(SignatureKeys keys, Secrets secrets, RandomBytes random, Clock clock,
                                            AuditRecorder audit) {
        return new ManageSignatureKeys(keys, secrets, random, clock, audit);
    }

    @Produces
    ManageSubscriptions manageSubscriptions(WebhookSubscriptions subscriptions, ApiKeys keys, ManageSignatureKeys signatureKeys,
                                            OutboundUrlPolicy urlPolicy, Secrets secrets, IdGenerator ids, Clock clock,
                                            AuditRecorder audit) {
        return new ManageSubscriptions(subscriptions, keys, signatureKeys, urlPolicy, secrets, ids, clock, production(), audit);
    }

    /** The contract's schedule unless {@code payhooks.delivery.retry-schedule} lists other delays. */
    @Produces
    RetryPolicy retryPolicy() {
        return new RetryPolicy(settings.delivery().retrySchedule(), RetryPolicy.DEFAULT_JITTER,
            settings.delivery().autoDisableAfter());
    }

    @Produces
    @ApplicationScoped
    EventLog eventLog() {
        return new JpaEventLog(entityManager);
    }

    @Produces
    ReplayDeliveries replayDeliveries(Outbox outbox, Deliveries deliveries, EventLog log, WebhookSubscriptions subscriptions,
                                      IdGenerator ids, Clock clock) {
        return new ReplayDeliveries(outbox, deliveries, log, subscriptions, ids, clock);
    }

    @Produces
    @jakarta.inject.Singleton
    EventQueue eventQueue(Outbox outbox, WebhookSubscriptions subscriptions, Deliveries deliveries, IdGenerator ids) {
        return new EventQueue(outbox, subscriptions, deliveries, ids);
    }

    @Produces
    @jakarta.inject.Singleton
    PublishEvents publishEvents(Outbox outbox, EventQueue queue, Merchants merchants, EventIdGenerator eventIds, Clock clock) {
        return new PublishEvents(outbox, queue, merchants, eventIds, clock, EventCatalog::isKnown);
    }

    @Produces
    @jakarta.inject.Singleton
    TransactionNotices transactionNotices(EventQueue queue, EventIdGenerator eventIds, Clock clock) {
        return new TransactionNotices(queue, eventIds, clock);
    }

    /** The one Walley client: it caches each channel's OAuth token (a singleton without a proxy: no no-arg constructor). */
    @Produces
    @jakarta.inject.Singleton
    WalleyClient walleyClient(ProviderGate gate, Clock clock) {
        return WalleyClient.create(gate, clock);
    }

    /** Annanow's API (transaction re-fetch), through the provider gate. */
    @Produces
    @jakarta.inject.Singleton
    AnnanowApi annanowApi(ProviderGate gate) {
        return new AnnanowApi(gate);
    }

    /** The inbound pipeline with every provider that notifies the hub. */
    @Produces
    @jakarta.inject.Singleton
    ReceiveNotifications receiveNotifications(Channels channels, Merchants merchants, InboundNotifications notifications,
                                              PaymentTransactions transactions, TransactionNotices notices, EventQueue queue,
                                              EventIdGenerator eventIds, Secrets secrets, IdGenerator ids, Clock clock,
                                              AnnanowApi annanowApi, SaleorInstallations installations,
                                              TransactionReports reports) {
        List<NotificationProvider> providers = List.of(new AdyenNotifications(), new WalleyNotifications(),
            new AnnanowNotifications(annanowApi));
        return new ReceiveNotifications(providers, channels, merchants, notifications, transactions, notices, queue,
            eventIds, secrets, ids, clock, List.of(new AdyenSaleorReports(installations, reports, ids, clock)));
    }

    /**
     * Once per instance, like the use cases it calls (all stateless, final fields only): as
     * dependent beans of a request-scoped resource, the whole pipeline was built and injected
     * for every request.
     */
    @Produces
    @jakarta.inject.Singleton
    NotificationEndpoint notificationEndpoint(ReceiveNotifications pipeline, JtaTransactions transactions, Clock clock) {
        return new NotificationEndpoint(pipeline, transactions, clock);
    }

    @Produces
    ManageSecondFactor manageSecondFactor(StaffUsers users, Secrets secrets, RandomBytes random, Clock clock) {
        return new ManageSecondFactor(users, secrets, random, new JdkHmacSha1(), clock);
    }

    @Produces
    ManageStaff manageStaff(StaffUsers users, PasswordHashing hashing, IdGenerator ids, AuditRecorder audit, Clock clock) {
        return new ManageStaff(users, hashing, ids, audit, clock);
    }

    /** One throttle per instance (a final class: a pseudo-scope, no client proxy). */
    @Produces
    @jakarta.inject.Singleton
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);
    }

    @Produces
    ManageApiKeys manageApiKeys(ApiKeys keys, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit) {
        return new ManageApiKeys(keys, secrets, ids, clock, audit);
    }

    // ---- Saleor payment app (NP Atobarai) ------------------------------------------------------

    /**
     * The base of every absolute URL the hub hands out; required in production mode (a request's
     * Host header is never used there). A pseudo-scope: a final class has no client proxy.
     */
    @Produces
    @jakarta.inject.Singleton
    PublicUrl hubPublicUrl() {
        return settings.publicUrl();
    }

    @Produces
    @ApplicationScoped
    SaleorInstallations saleorInstallations() {
        return new JpaSaleorInstallations(entityManager);
    }

    @Produces
    @ApplicationScoped
    WebhookReplies webhookReplies() {
        return new JpaWebhookReplies(entityManager);
    }

    @Produces
    @ApplicationScoped
    FulfillmentOrigins fulfillmentOrigins() {
        return new JpaFulfillmentOrigins(entityManager);
    }

    @Produces
    @ApplicationScoped
    TransactionReports transactionReports() {
        return new JpaTransactionReports(entityManager);
    }

    @Produces
    TransactionReportSender transactionReportSender(TransactionReports reports, SaleorInstallations installations,
                                                    SaleorApiClient saleor, Secrets secrets, UnitOfWork units, Clock clock) {
        return new TransactionReportSender(reports, installations, saleor, secrets, units, clock);
    }

    @Produces
    @ApplicationScoped
    OrderNotes orderNotes() {
        return new JpaOrderNotes(entityManager);
    }

    @Produces
    FulfillmentNotices fulfillmentNotices(EventQueue queue, EventIdGenerator eventIds, Clock clock) {
        return new FulfillmentNotices(queue, eventIds, clock);
    }

    /** One client per instance, sending through the provider gate. */
    @Produces
    @jakarta.inject.Singleton
    NpAtobaraiClient npAtobaraiClient(ProviderGate gate) {
        return new NpAtobaraiClient(gate, settings.providers().npAtobaraiTimeout());
    }

    /**
     * One client per instance. It was dependent, so every Saleor webhook request built a new
     * JDK HttpClient (a selector thread, no connection reuse): a third of the request threads'
     * samples in the sync benchmark were in Thread.start under SaleorApiClient's constructor.
     */
    @Produces
    @jakarta.inject.Singleton
    SaleorApiClient saleorApiClient() {
        return new SaleorApiClient(settings.saleor().timeout());
    }

    /** "Test credentials" in the console; a provider adapter that can check credentials adds its check here. */
    @Produces
    ProviderCredentialsChecks providerCredentialsChecks(NpAtobaraiChannels npChannels, NpAtobaraiClient np) {
        return new ProviderCredentialsChecks(List.of(new NpAtobaraiCredentialsCheck(npChannels, np)));
    }

    /** In sandbox mode a channel without an API base URL talks to the hub's own NP simulator. */
    @Produces
    NpAtobaraiChannels npAtobaraiChannels(Merchants merchants, Channels channels, Secrets secrets) {
        Optional<URI> simulator = production() ? Optional.empty()
            : Optional.of(URI.create(settings.publicUrl().configured().orElse("http://127.0.0.1:8080")
                .replaceAll("/+$", "") + "/sandbox/np-atobarai/v1/"));
        return new NpAtobaraiChannels(merchants, channels, secrets, simulator);
    }

    /** One client per instance, sending through the provider gate. */
    @Produces
    @jakarta.inject.Singleton
    AdyenCheckoutClient adyenCheckoutClient(ProviderGate gate) {
        return new AdyenCheckoutClient(gate, settings.providers().adyenTimeout());
    }

    /** In sandbox mode a TEST channel without an API base URL talks to the hub's own Adyen simulator. */
    @Produces
    AdyenChannels adyenChannels(Merchants merchants, Channels channels, Secrets secrets) {
        Optional<URI> simulator = production() ? Optional.empty()
            : Optional.of(URI.create(settings.publicUrl().configured().orElse("http://127.0.0.1:8080")
                .replaceAll("/+$", "") + "/sandbox/adyen/v71"));
        return new AdyenChannels(merchants, channels, secrets, simulator);
    }

    @Produces
    @ApplicationScoped
    SaleorPaymentApp adyenSaleorApp(AdyenChannels channels, AdyenCheckoutClient adyen, PaymentTransactions transactions,
                                    TransactionNotices notices, WebhookReplies replies, UnitOfWork units, Clock clock) {
        return new AdyenSaleorApp(channels, adyen, transactions, notices, replies, units, clock);
    }

    @Produces
    ManageSaleorInstallations manageSaleorInstallations(SaleorInstallations installations, AuditRecorder audit) {
        return new ManageSaleorInstallations(installations, audit);
    }

    @Produces
    @jakarta.inject.Singleton
    SaleorRegistration saleorRegistration(SaleorApiClient saleor, SaleorInstallations installations, Merchants merchants,
                                          Secrets secrets, UnitOfWork units, Clock clock) {
        return new SaleorRegistration(settings.saleor().allowedUrls(), settings.saleor().merchantId(), saleor, installations, merchants, secrets, units, clock);
    }

    @Produces
    @jakarta.inject.Singleton
    SaleorWebhookCheck saleorWebhookCheck(SaleorInstallations installations, SaleorApiClient saleor, Secrets secrets,
                                          UnitOfWork units, Clock clock) {
        // the legacy HMAC (keyed with the app token) only in sandbox mode; production needs Saleor's JWS
        return new SaleorWebhookCheck(installations, saleor, secrets, units, clock, !production());
    }

    @Produces
    @ApplicationScoped
    SaleorPaymentApp npAtobaraiSaleorApp(NpAtobaraiChannels channels, NpAtobaraiClient np, PaymentTransactions transactions,
                                         Refunds refunds, Fulfillments fulfillments, FulfillmentOrigins origins,
                                         OrderNotes notes, WebhookReplies replies, TransactionNotices notices,
                                         IdGenerator ids, UnitOfWork units, Clock clock) {
        return new NpAtobaraiSaleorApp(channels, np, transactions, refunds, fulfillments, origins, notes, replies, notices,
            ids, units, clock);
    }

    @Produces
    NpShipmentReporter npShipmentReporter(FulfillmentOrigins origins, Fulfillments fulfillments,
                                          PaymentTransactions transactions, NpAtobaraiChannels channels,
                                          NpAtobaraiClient np, OrderNotes notes, FulfillmentNotices notices,
                                          IdGenerator ids, UnitOfWork units, Clock clock) {
        return new NpShipmentReporter(origins, fulfillments, transactions, channels, np, notes, notices, ids, units, clock);
    }

    @Produces
    OrderNoteSender orderNoteSender(OrderNotes notes, SaleorInstallations installations, SaleorApiClient saleor,
                                    Secrets secrets, UnitOfWork units, Clock clock) {
        return new OrderNoteSender(notes, installations, saleor, secrets, units, clock);
    }
}
