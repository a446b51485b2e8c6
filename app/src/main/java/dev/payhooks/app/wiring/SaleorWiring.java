package dev.payhooks.app.wiring;

import dev.payhooks.adapters.adyen.AdyenChannels;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpShipmentReporter;
import dev.payhooks.adapters.saleor.OrderNoteSender;
import dev.payhooks.adapters.saleor.SaleorApiClient;
import dev.payhooks.adapters.saleor.SaleorAppTokens;
import dev.payhooks.adapters.saleor.SaleorPaymentApp;
import dev.payhooks.adapters.saleor.SaleorRegistration;
import dev.payhooks.adapters.saleor.SaleorWebhookCheck;
import dev.payhooks.adapters.saleor.TransactionReportSender;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.application.merchants.ManageSaleorApiUrls;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.FulfillmentNotices;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.domain.saleor.SaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.SaleorInstallations;
import dev.payhooks.domain.saleor.TransactionReports;
import dev.payhooks.domain.saleor.WebhookReplies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The Saleor payment apps (NP Atobarai, Adyen): registration, webhook checks, and what the Saleor worker sends back. */
@ApplicationScoped
public class SaleorWiring {

    @Inject
    PayhooksSettings settings;

    /**
     * One client per instance, through the providers' SSRF guard and pinned transport: Saleor's
     * hosts get the same checks as every other call the hub makes.
     */
    @Produces
    @Singleton
    SaleorApiClient saleorApiClient(dev.payhooks.adapters.outbound.ProviderGate gate) {
        return new SaleorApiClient(settings.saleor().timeout(), gate.guard(), gate.transport());
    }

    @Produces
    @Singleton
    SaleorAppTokens saleorAppTokens(SaleorInstallations installations, Secrets secrets, UnitOfWork units) {
        return new SaleorAppTokens(installations, secrets, units);
    }

    @Produces
    @Singleton
    TransactionReportSender transactionReportSender(TransactionReports reports, SaleorAppTokens tokens, SaleorApiClient saleor,
                                                    UnitOfWork units, Clock clock) {
        return new TransactionReportSender(reports, tokens, saleor, units, clock);
    }

    @Produces
    @Singleton
    ManageSaleorInstallations manageSaleorInstallations(SaleorInstallations installations, AuditRecorder audit) {
        return new ManageSaleorInstallations(installations, audit);
    }

    @Produces
    @Singleton
    ManageSaleorApiUrls manageSaleorApiUrls(Merchants merchants, SaleorApiUrlAssignments assignments,
                                            SaleorInstallations installations, OutboundUrlPolicy urlPolicy, Clock clock,
                                            AuditRecorder audit) {
        return new ManageSaleorApiUrls(merchants, assignments, installations, urlPolicy, clock, audit);
    }

    @Produces
    @Singleton
    SaleorRegistration saleorRegistration(SaleorApiClient saleor, SaleorInstallations installations,
                                          SaleorApiUrlAssignments assignments, OutboundUrlPolicy urlPolicy,
                                          Merchants merchants, Secrets secrets, UnitOfWork units, Clock clock) {
        return new SaleorRegistration(settings.saleor().allowedUrls(), settings.saleor().merchantId(), saleor, installations,
            assignments, urlPolicy, merchants, secrets, units, clock);
    }

    @Produces
    @Singleton
    SaleorWebhookCheck saleorWebhookCheck(SaleorInstallationCache installations, SaleorApiClient saleor, Secrets secrets,
                                          UnitOfWork units, Clock clock) {
        // the legacy HMAC (keyed with the app token) only in sandbox mode; production needs Saleor's JWS
        return new SaleorWebhookCheck(installations, saleor, secrets, units, clock, !settings.production());
    }

    @Produces
    @Singleton
    NpShipmentReporter npShipmentReporter(FulfillmentOrigins origins, Fulfillments fulfillments,
                                          PaymentTransactions transactions, NpAtobaraiChannels channels,
                                          NpAtobaraiClient np, OrderNotes notes, FulfillmentNotices notices,
                                          IdGenerator ids, UnitOfWork units, Clock clock) {
        return new NpShipmentReporter(origins, fulfillments, transactions, channels, np, notes, notices, ids, units, clock);
    }

    @Produces
    @Singleton
    OrderNoteSender orderNoteSender(OrderNotes notes, SaleorAppTokens tokens, SaleorApiClient saleor, UnitOfWork units,
                                    Clock clock) {
        return new OrderNoteSender(notes, tokens, saleor, units, clock);
    }
}
