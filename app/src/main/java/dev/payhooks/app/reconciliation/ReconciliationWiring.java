package dev.payhooks.app.reconciliation;

import dev.payhooks.adapters.annanow.AnnanowApi;
import dev.payhooks.adapters.annanow.AnnanowStatusCheck;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels;
import dev.payhooks.adapters.npatobarai.NpAtobaraiClient;
import dev.payhooks.adapters.npatobarai.NpAtobaraiStatusCheck;
import dev.payhooks.adapters.saleor.SaleorApiClient;
import dev.payhooks.adapters.saleor.SaleorAppTokens;
import dev.payhooks.adapters.saleor.SaleorTransactionReportDelivery;
import dev.payhooks.application.channels.ChannelCache;
import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ReconcileTransactions;
import dev.payhooks.application.reconciliation.RedeliverSaleorReports;
import dev.payhooks.application.reconciliation.ResolveReconciliation;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.domain.saleor.SaleorInstallations;
import dev.payhooks.domain.saleor.TransactionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.util.List;

/**
 * Connects the reconciliation job to the providers' status checks (NP Atobarai's and Annanow's;
 * Adyen and Walley offer none the hub can use), to Saleor for the reports it sends again, and
 * staff's resolving; its store is the database's ({@code PersistenceWiring}).
 */
@ApplicationScoped
public class ReconciliationWiring {

    /** A plain singleton, not a client proxy: handlers are plain classes without a no-argument constructor. */
    @Produces
    @jakarta.inject.Singleton
    ReconcileTransactions reconcileTransactions(Reconciliations reconciliations, PaymentTransactions transactions,
                                                Merchants merchants, RecordProviderOutcome outcomes, AuditRecorder audit,
                                                NpAtobaraiChannels npChannels, NpAtobaraiClient np,
                                                SaleorInstallations installations, TransactionReports reports,
                                                ChannelCache channels, Secrets secrets, AnnanowApi annanow,
                                                IdGenerator ids, UnitOfWork units, Clock clock) {
        return new ReconcileTransactions(reconciliations, transactions, merchants, List.of(
                new NpAtobaraiStatusCheck(npChannels, np, units, installations, reports, ids, clock),
                new AnnanowStatusCheck(channels.reading(), secrets, annanow, units)),
            outcomes, audit, units, clock);
    }

    @Produces
    @jakarta.inject.Singleton
    RedeliverSaleorReports redeliverSaleorReports(TransactionReports reports, SaleorAppTokens tokens, SaleorApiClient saleor,
                                                  PaymentTransactions transactions, Reconciliations reconciliations,
                                                  AuditRecorder audit, UnitOfWork units, Clock clock) {
        return new RedeliverSaleorReports(reports, new SaleorTransactionReportDelivery(tokens, saleor), transactions,
            reconciliations, audit, units, clock);
    }

    @Produces
    @jakarta.inject.Singleton
    ResolveReconciliation resolveReconciliation(Reconciliations reconciliations, AuditRecorder audit, Clock clock) {
        return new ResolveReconciliation(reconciliations, audit, clock);
    }
}
