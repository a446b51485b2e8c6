package dev.payhooks.app.wiring;

import dev.payhooks.adapters.outbound.SsrfGuard;
import dev.payhooks.adapters.outbound.SsrfUrlPolicy;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.db.JtaAfterTransaction;
import dev.payhooks.app.delivery.ClaimWakeup;
import dev.payhooks.app.delivery.WakingEventQueue;
import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.application.approvals.DecideApprovals;
import dev.payhooks.application.approvals.FourEyes;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.events.ReplayDeliveries;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import dev.payhooks.application.webhooks.SubscriptionCache;
import dev.payhooks.domain.approval.ApprovalRequests;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.CurrentActor;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.AsymmetricSigningKeys;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.FulfillmentNotices;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Outbound webhooks: the SSRF guard, subscriptions and their signature keys, the event queue, publishing, retries and replays (with four-eyes). */
@ApplicationScoped
public class DeliveryWiring {

    @Inject
    PayhooksSettings settings;

    /** The SSRF guard for hook URLs, with the configured allow-list and the system's DNS. */
    @Produces
    @Singleton
    SsrfGuard ssrfGuard() {
        return new SsrfGuard(settings.outbound().allowList(), settings.production(), java.net.InetAddress::getAllByName);
    }

    @Produces
    @Singleton
    OutboundUrlPolicy outboundUrlPolicy(SsrfGuard guard) {
        return new SsrfUrlPolicy(guard);
    }

    @Produces
    @Singleton
    ManageSignatureKeys manageSignatureKeys(SignatureKeys keys, Secrets secrets, RandomBytes random, Clock clock,
                                            AuditRecorder audit) {
        return new ManageSignatureKeys(keys, secrets, random, clock, audit);
    }

    @Produces
    @Singleton
    ManageAsymmetricSigningKeys manageAsymmetricSigningKeys(AsymmetricSigningKeys keys, Secrets secrets, Clock clock,
                                                            AuditRecorder audit) {
        return new ManageAsymmetricSigningKeys(keys, secrets, clock, audit);
    }

    @Produces
    @Singleton
    ManageSubscriptions manageSubscriptions(WebhookSubscriptions subscriptions, ApiKeys keys, ManageSignatureKeys signatureKeys,
                                            ManageAsymmetricSigningKeys asymmetricKeys, OutboundUrlPolicy urlPolicy,
                                            Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit) {
        return new ManageSubscriptions(subscriptions, keys, signatureKeys, asymmetricKeys, urlPolicy, secrets, ids, clock,
            settings.production(), audit);
    }

    /** The contract's schedule unless {@code payhooks.delivery.retry-schedule} lists other delays. */
    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        return new RetryPolicy(settings.delivery().retrySchedule(), RetryPolicy.DEFAULT_JITTER,
            settings.delivery().autoDisableAfter());
    }

    @Produces
    @Singleton
    ReplayDeliveries replayDeliveries(Outbox outbox, Deliveries deliveries, EventLog log, WebhookSubscriptions subscriptions,
                                      IdGenerator ids, Clock clock, FourEyes fourEyes) {
        return new ReplayDeliveries(outbox, deliveries, log, subscriptions, ids, clock, fourEyes);
    }

    /** Four-eyes: the merchant's threshold holds large bulk replays for a second staff member's approval. */
    @Produces
    @Singleton
    FourEyes fourEyes(Merchants merchants, ApprovalRequests requests, CurrentActor actor, AuditRecorder audit, IdGenerator ids,
                      Clock clock) {
        return new FourEyes(merchants, requests, actor, audit, ids, clock);
    }

    @Produces
    @Singleton
    DecideApprovals decideApprovals(ApprovalRequests requests, ReplayDeliveries replays, AuditRecorder audit, Clock clock) {
        return new DecideApprovals(requests, replays, audit, clock);
    }

    @Produces
    @Singleton
    ApprovalPolicy approvalPolicy(Merchants merchants, AuditRecorder audit) {
        return new ApprovalPolicy(merchants, audit);
    }

    @Produces
    @Singleton
    EventQueue eventQueue(Outbox outbox, SubscriptionCache subscriptions, Deliveries deliveries, IdGenerator ids,
                          JtaAfterTransaction afterTransaction, ClaimWakeup wakeup) {
        return new WakingEventQueue(outbox, subscriptions.reading(), deliveries, ids, afterTransaction, wakeup);
    }

    @Produces
    @Singleton
    PublishEvents publishEvents(Outbox outbox, EventQueue queue, Merchants merchants, EventIdGenerator eventIds, Clock clock) {
        return new PublishEvents(outbox, queue, merchants, eventIds, clock, EventCatalog::isKnown);
    }

    @Produces
    @Singleton
    TransactionNotices transactionNotices(EventQueue queue, EventIdGenerator eventIds, Clock clock) {
        return new TransactionNotices(queue, eventIds, clock);
    }

    @Produces
    @Singleton
    FulfillmentNotices fulfillmentNotices(EventQueue queue, EventIdGenerator eventIds, Clock clock) {
        return new FulfillmentNotices(queue, eventIds, clock);
    }
}
