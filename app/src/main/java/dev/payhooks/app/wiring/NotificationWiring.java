package dev.payhooks.app.wiring;

import dev.payhooks.adapters.adyen.AdyenNotifications;
import dev.payhooks.adapters.adyen.AdyenSaleorReports;
import dev.payhooks.adapters.annanow.AnnanowApi;
import dev.payhooks.adapters.annanow.AnnanowNotifications;
import dev.payhooks.adapters.notifications.InboxWakeup;
import dev.payhooks.adapters.notifications.JtaTransactions;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.adapters.walley.WalleyClient;
import dev.payhooks.adapters.walley.WalleyNotifications;
import dev.payhooks.application.notifications.ApplyNotifications;
import dev.payhooks.application.notifications.NotificationProviders;
import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.NotificationIntake;
import dev.payhooks.application.channels.ChannelCache;
import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.saleor.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The inbound pipeline: every provider that notifies the hub, and the endpoint that receives their notifications. */
@ApplicationScoped
public class NotificationWiring {

    /** The one Walley client: it caches each channel's OAuth token (a singleton without a proxy: no no-arg constructor). */
    @Produces
    @Singleton
    WalleyClient walleyClient(ProviderGate gate, Clock clock) {
        return WalleyClient.create(gate, clock);
    }

    /** Annanow's API (transaction re-fetch), through the provider gate. */
    @Produces
    @Singleton
    AnnanowApi annanowApi(ProviderGate gate) {
        return new AnnanowApi(gate);
    }

    /** Every provider that notifies the hub. */
    @Produces
    @Singleton
    NotificationProviders notificationProviders(AnnanowApi annanowApi) {
        return new NotificationProviders(List.of(new AdyenNotifications(), new WalleyNotifications(),
            new AnnanowNotifications(annanowApi)));
    }

    /** Where every provider outcome ends: Saleor sessions and actions, and every notification. */
    @Produces
    @Singleton
    RecordProviderOutcome recordProviderOutcome(PaymentTransactions transactions, TransactionNotices notices,
                                                IdGenerator ids, Clock clock) {
        return new RecordProviderOutcome(transactions, notices, ids, clock);
    }

    /** The inbound pipeline's first half: verify, decode, store, acknowledge. */
    @Produces
    @Singleton
    ReceiveNotifications receiveNotifications(NotificationProviders providers, ChannelCache channels,
                                              NotificationIntake notifications, Secrets secrets, IdGenerator ids,
                                              Clock clock) {
        return new ReceiveNotifications(providers, channels.reading(), notifications, secrets, ids, clock);
    }

    /** The inbound pipeline's second half: each stored notification's provider outcome, and its Saleor report. */
    @Produces
    @Singleton
    ApplyNotifications applyNotifications(NotificationProviders providers, ChannelCache channels, Merchants merchants,
                                          InboundNotifications notifications, RecordProviderOutcome outcomes,
                                          EventQueue queue, EventIdGenerator eventIds, Secrets secrets, IdGenerator ids,
                                          Clock clock, SaleorInstallationCache installations, TransactionReports reports) {
        return new ApplyNotifications(providers, channels.reading(), merchants, notifications, outcomes, queue, eventIds, secrets,
            clock, List.of(new AdyenSaleorReports(installations, reports, ids, clock)));
    }

    /**
     * Once per instance, like the use cases it calls (all stateless, final fields only): as
     * dependent beans of a request-scoped resource, the whole pipeline was built and injected
     * for every request.
     */
    @Produces
    @Singleton
    NotificationEndpoint notificationEndpoint(ReceiveNotifications receiving, ApplyNotifications applying,
                                              JtaTransactions transactions, InboxWakeup inbox, Clock clock) {
        return new NotificationEndpoint(receiving, applying, transactions, inbox, clock);
    }

    /** How the endpoint wakes the worker that applies stored notifications ({@code app.inbound.NotificationInbox}). */
    @Produces
    @Singleton
    InboxWakeup inboxWakeup() {
        return new InboxWakeup();
    }
}
