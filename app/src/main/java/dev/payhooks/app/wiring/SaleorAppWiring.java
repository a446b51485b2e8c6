package dev.payhooks.app.wiring;

import dev.payhooks.adapters.adyen.AdyenChannels;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient;
import dev.payhooks.adapters.adyen.AdyenPayments;
import dev.payhooks.adapters.adyen.AdyenSaleorApp;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiPayments;
import dev.payhooks.adapters.npatobarai.NpAtobaraiSaleorApp;
import dev.payhooks.adapters.saleor.SaleorPaymentApp;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.CancelTransaction;
import dev.payhooks.application.saleor.ChargeTransaction;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.RefundNpAtobaraiTransaction;
import dev.payhooks.application.saleor.ReportTrackingNumber;
import dev.payhooks.application.saleor.RefundTransaction;
import dev.payhooks.application.saleor.RepeatedDeliveries;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.domain.saleor.WebhookReplies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The Saleor payment apps: each provider's translator over the Saleor handlers of the application. */
@ApplicationScoped
public class SaleorAppWiring {

    @Produces
    @Singleton
    RepeatedDeliveries repeatedDeliveries(WebhookReplies replies, UnitOfWork units, Clock clock) {
        return new RepeatedDeliveries(replies, units, clock);
    }

    @Produces
    @Singleton
    SaleorPaymentApp adyenSaleorApp(AdyenChannels channels, AdyenCheckoutClient adyen, PaymentTransactions transactions,
                                    RecordProviderOutcome outcomes, RepeatedDeliveries deliveries,
                                    UnitOfWork units, Clock clock) {
        AdyenPayments provider = new AdyenPayments(channels, adyen);
        return new AdyenSaleorApp(channels, adyen, units, new AdyenSaleorApp.Handlers(
            new InitializeSession(provider, AdyenSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions, units, clock),
            new ProcessSession(provider, AdyenSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions, units, clock),
            new ChargeTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, units, clock),
            new CancelTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, units, clock),
            new RefundTransaction(provider, AdyenSaleorApp.ACTION_REPLIES, deliveries, units, clock)));
    }

    @Produces
    @Singleton
    SaleorPaymentApp npAtobaraiSaleorApp(NpAtobaraiChannels channels, NpAtobaraiClient np, PaymentTransactions transactions,
                                         Refunds refunds, Fulfillments fulfillments, FulfillmentOrigins origins,
                                         OrderNotes notes, RecordProviderOutcome outcomes,
                                         IdGenerator ids, RepeatedDeliveries deliveries, UnitOfWork units, Clock clock) {
        NpAtobaraiPayments provider = new NpAtobaraiPayments(channels, np);
        return new NpAtobaraiSaleorApp(channels, units, new NpAtobaraiSaleorApp.Handlers(
                new InitializeSession(provider, NpAtobaraiSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions,
                    units, clock),
                new ProcessSession(provider, NpAtobaraiSaleorApp.SESSION_REPLIES, deliveries, outcomes, transactions,
                    units, clock),
                new RefundNpAtobaraiTransaction(provider, NpAtobaraiSaleorApp.REFUND_REPLIES, deliveries, outcomes,
                    transactions, refunds, fulfillments, ids, units, clock),
                new ReportTrackingNumber(provider, transactions, fulfillments, origins, notes, ids, units, clock)));
    }
}
