package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.saleor.SaleorJson;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NP Atobarai's answer to the reconciliation: for a payment whose credit check was on hold (or
 * is pending), NP's {@code authorizations/find} for its NP transaction tells the credit check as
 * it stands now. Approved or refused is the outcome, recorded under the same event key a session
 * answer with that result has, so it is applied once whichever comes first; still on hold (or
 * no answer) leaves it unknown. NP's payments have nothing else to ask about: refunds are
 * answered at once. A Saleor transaction whose outcome was found gets its
 * {@code transactionEventReport} queued (Saleor only learns session outcomes from webhook answers).
 */
public record NpAtobaraiStatusCheck(NpAtobaraiChannels channels, NpAtobaraiClient np, UnitOfWork units,
                                    SaleorInstallations installations, TransactionReports reports, IdGenerator ids,
                                    Clock clock) implements ProviderStatusCheck {

    private static final Set<TransactionStatus> ASKABLE = EnumSet.of(TransactionStatus.CHARGE_ACTION_REQUIRED,
        TransactionStatus.CHARGE_REQUESTED);

    @Override
    public ProviderId provider() {
        return ProviderId.NP_ATOBARAI;
    }

    @Override
    public Status check(Merchant merchant, PaymentTransaction transaction) {
        if (!ASKABLE.contains(transaction.status())) {
            return new Unknown("NP Atobarai's status query tells a pending credit check only, not a "
                + transaction.status() + " payment's open request");
        }
        Optional<String> npId = transaction.providerReference();
        if (npId.isEmpty()) {
            return new Unknown("No NP transaction id to ask NP Atobarai about");
        }
        Optional<NpAtobaraiChannels.NpChannel> channel = units.inNewTransaction(() ->
            channels.find(merchant.id(), transaction.channelSlug()));
        if (channel.isEmpty()) {
            return new Unknown("NP Atobarai is not configured on channel " + transaction.channelSlug());
        }
        NpOutcome outcome = np.find(channel.get().credentials(), npId.get());
        if (outcome instanceof NpOutcome.Accepted accepted && accepted.creditCheck() != null) {
            CreditCheck check = accepted.creditCheck();
            OperationResult result = switch (check.verdict()) {
                case APPROVED -> OperationResult.SUCCESS;
                case REFUSED -> OperationResult.FAILURE;
                case ON_HOLD -> null;
            };
            if (result == null) {
                return new Unknown(check.message());
            }
            // the key of NpAtobaraiPayments' answer with this result: the same fact
            return new Found(Operation.CHARGE, result, npId, check.message(), "np:" + npId.get() + ":CHARGE_" + result.name()
                + ":" + transaction.amounts().chargePending().minorUnits());
        }
        if (outcome instanceof NpOutcome.Accepted) {
            return new Unknown("NP Atobarai answered without a credit check");
        }
        return new Unknown(NpAtobaraiPayments.describe(outcome));
    }

    /** In the caller's transaction: Saleor's report of the found outcome, for a transaction of an NP Saleor installation. */
    @Override
    public void recorded(Merchant merchant, PaymentTransaction transaction, List<TransactionEvent> events) {
        String saleorId = transaction.merchantReference();
        Optional<String> apiUrl = SaleorJson.installationOf(installations, merchant.id(), ProviderId.NP_ATOBARAI,
            NpAtobaraiSaleorApp.HUB_ID_PREFIX, transaction);
        if (apiUrl.isEmpty()) {
            return;
        }
        for (TransactionEvent event : events) {
            Optional<String> type = TransactionReport.saleorType(event.operation(), event.result());
            if (type.isPresent() && event.providerReference() != null) {
                reports.add(TransactionReport.toSend(ids.newId(), merchant.id(), transaction.id(), apiUrl.get(),
                    ProviderId.NP_ATOBARAI, saleorId, event.providerReference(), type.get(), event.amount().toMajorString(),
                    event.at(), event.message(), clock.instant()));
            }
        }
    }
}
