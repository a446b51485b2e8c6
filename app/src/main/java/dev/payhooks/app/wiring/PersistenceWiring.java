package dev.payhooks.app.wiring;

import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.NotificationIntake;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.application.apikeys.ApiKeyCache;
import dev.payhooks.application.channels.ChannelCache;
import dev.payhooks.application.merchants.MerchantCache;
import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.application.webhooks.SubscriptionCache;
import dev.payhooks.app.db.JtaAfterTransaction;
import dev.payhooks.app.startup.DatabaseStartup;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.AsymmetricSigningKeys;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.domain.saleor.SaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.SaleorInstallations;
import dev.payhooks.domain.saleor.TransactionReports;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.persistence.reconciliation.JpaReconciliations;
import dev.payhooks.domain.saleor.WebhookReplies;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.persistence.audit.JpaAuditTrail;
import dev.payhooks.persistence.fulfillment.JpaFulfillments;
import dev.payhooks.persistence.inbound.JpaInboundActivity;
import dev.payhooks.persistence.inbound.JdbcNotificationIntake;
import dev.payhooks.persistence.inbound.JpaInboundNotifications;
import dev.payhooks.persistence.merchant.JpaApiKeys;
import dev.payhooks.persistence.merchant.JpaChannels;
import dev.payhooks.persistence.merchant.JpaMerchants;
import dev.payhooks.persistence.outbound.JpaDeliveries;
import dev.payhooks.persistence.outbound.JpaEventLog;
import dev.payhooks.persistence.outbound.JpaOutbox;
import dev.payhooks.persistence.outbound.JpaAsymmetricSigningKeys;
import dev.payhooks.persistence.approval.JpaApprovalRequests;
import dev.payhooks.domain.approval.ApprovalRequests;
import dev.payhooks.persistence.outbound.JpaAttemptHistory;
import dev.payhooks.persistence.outbound.JpaSignatureKeys;
import dev.payhooks.persistence.outbound.JpaWebhookSubscriptions;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import dev.payhooks.persistence.refund.JpaRefunds;
import dev.payhooks.persistence.retention.JpaExpiredRecords;
import dev.payhooks.persistence.saleor.JpaFulfillmentOrigins;
import dev.payhooks.persistence.saleor.JpaOrderNotes;
import dev.payhooks.persistence.saleor.JpaSaleorApiUrlAssignments;
import dev.payhooks.persistence.saleor.JpaSaleorInstallations;
import dev.payhooks.persistence.saleor.JpaTransactionReports;
import dev.payhooks.persistence.saleor.JpaWebhookReplies;
import dev.payhooks.persistence.staff.JpaStaffUsers;
import dev.payhooks.domain.retention.ExpiredRecords;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;

/** The JPA repositories: every domain port the database implements, on the one container-managed entity manager. */
@ApplicationScoped
public class PersistenceWiring {

    @PersistenceContext(unitName = "payhooks")
    EntityManager entityManager;

    @Resource(lookup = DatabaseStartup.DATA_SOURCE)
    DataSource dataSource;

    @Produces
    @Singleton
    StaffUsers staffUsers() {
        return new JpaStaffUsers(entityManager);
    }

    @Produces
    @Singleton
    Merchants merchants(MerchantCache cache) {
        return cache.changing();
    }

    /** Merchants: the API's key check and the Saleor apps read them cached ({@link MerchantCache#reading()}), every change invalidates. */
    @Produces
    @Singleton
    MerchantCache merchantCache(JtaAfterTransaction afterTransaction) {
        return new MerchantCache(new JpaMerchants(entityManager), afterTransaction);
    }

    /** Channels: the notification path reads them cached ({@link ChannelCache#reading()}), every change invalidates. */
    @Produces
    @Singleton
    ChannelCache channelCache(JtaAfterTransaction afterTransaction) {
        return new ChannelCache(new JpaChannels(entityManager), afterTransaction);
    }

    @Produces
    @Singleton
    Channels channels(ChannelCache cache) {
        return cache.changing();
    }

    /** API keys: the lookup by hash that authenticates every API request is cached ({@link ApiKeyCache#reading()}), every change invalidates. */
    @Produces
    @Singleton
    ApiKeys apiKeys(JtaAfterTransaction afterTransaction) {
        return new ApiKeyCache(new JpaApiKeys(entityManager), afterTransaction).reading();
    }

    @Produces
    @Singleton
    PaymentTransactions paymentTransactions() {
        return new JpaPaymentTransactions(entityManager);
    }

    @Produces
    @Singleton
    Refunds refunds() {
        return new JpaRefunds(entityManager);
    }

    @Produces
    @Singleton
    Fulfillments fulfillments() {
        return new JpaFulfillments(entityManager);
    }

    @Produces
    @Singleton
    ApprovalRequests approvalRequests() {
        return new JpaApprovalRequests(entityManager);
    }

    @Produces
    @Singleton
    AuditTrail auditTrail() {
        return new JpaAuditTrail(entityManager);
    }

    @Produces
    @Singleton
    InboundNotifications inboundNotifications() {
        return new JpaInboundNotifications(entityManager);
    }

    /**
     * Where the notification endpoint stores what it acknowledges: pooled connections used
     * directly, each request's rows committed before the answer, outside any container transaction.
     */
    @Produces
    @Singleton
    NotificationIntake notificationIntake() {
        return new JdbcNotificationIntake(dataSource);
    }

    @Produces
    @Singleton
    Outbox outbox() {
        return new JpaOutbox(entityManager);
    }

    @Produces
    @Singleton
    Deliveries deliveries() {
        return new JpaDeliveries(entityManager);
    }

    /** Webhook subscriptions: the event queue reads who listens cached ({@link SubscriptionCache#reading()}), every change invalidates. */
    @Produces
    @Singleton
    SubscriptionCache subscriptionCache(JtaAfterTransaction afterTransaction) {
        return new SubscriptionCache(new JpaWebhookSubscriptions(entityManager), afterTransaction);
    }

    @Produces
    @Singleton
    WebhookSubscriptions webhookSubscriptions(SubscriptionCache cache) {
        return cache.changing();
    }

    @Produces
    @Singleton
    SignatureKeys signatureKeys() {
        return new JpaSignatureKeys(entityManager);
    }

    @Produces
    @Singleton
    InboundActivity inboundActivity() {
        return new JpaInboundActivity(entityManager);
    }

    @Produces
    @Singleton
    AttemptHistory attemptHistory() {
        return new JpaAttemptHistory(entityManager);
    }

    @Produces
    @Singleton
    AsymmetricSigningKeys asymmetricSigningKeys() {
        return new JpaAsymmetricSigningKeys(entityManager);
    }

    @Produces
    @Singleton
    EventLog eventLog() {
        return new JpaEventLog(entityManager);
    }

    /** Saleor installations: the webhook check reads them cached ({@link SaleorInstallationCache#reading()}), every change invalidates. */
    @Produces
    @Singleton
    SaleorInstallationCache saleorInstallationCache(JtaAfterTransaction afterTransaction) {
        return new SaleorInstallationCache(new JpaSaleorInstallations(entityManager), afterTransaction);
    }

    @Produces
    @Singleton
    SaleorInstallations saleorInstallations(SaleorInstallationCache cache) {
        return cache.changing();
    }

    @Produces
    @Singleton
    SaleorApiUrlAssignments saleorApiUrlAssignments() {
        return new JpaSaleorApiUrlAssignments(entityManager);
    }

    /**
     * Saleor's webhook replies: a claim on a pooled connection used directly, committed before the
     * provider is called; the answer and the release in the caller's transaction.
     */
    @Produces
    @Singleton
    WebhookReplies webhookReplies() {
        return new JpaWebhookReplies(entityManager, dataSource);
    }

    @Produces
    @Singleton
    FulfillmentOrigins fulfillmentOrigins() {
        return new JpaFulfillmentOrigins(entityManager);
    }

    @Produces
    @Singleton
    TransactionReports transactionReports() {
        return new JpaTransactionReports(entityManager);
    }

    @Produces
    @Singleton
    Reconciliations reconciliations() {
        return new JpaReconciliations(entityManager);
    }

    @Produces
    @Singleton
    OrderNotes orderNotes() {
        return new JpaOrderNotes(entityManager);
    }

    /** What the retention job deletes and redacts. */
    @Produces
    @Singleton
    ExpiredRecords expiredRecords() {
        return new JpaExpiredRecords(entityManager);
    }
}
