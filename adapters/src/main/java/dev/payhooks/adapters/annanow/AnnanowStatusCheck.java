package dev.payhooks.adapters.annanow;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderConfiguration;

import java.util.Optional;

/**
 * Annanow's answer to the reconciliation: for a payment still waiting for the customer
 * ({@code CHARGE_REQUESTED}, Annanow's {@code waiting}), the transaction's status from
 * {@code GET {apiBase}/Transaction/{id}/}, the call that confirms notifications. {@code confirmed}
 * is the charge's success, {@code declined}, {@code error} and {@code cancelled} its failure, each
 * under the event key the notification of that status has, so whichever arrives first is applied
 * once. Any other status, or no answer, leaves it unknown.
 */
public record AnnanowStatusCheck(Channels channels, Secrets secrets, AnnanowApi api, UnitOfWork units)
    implements ProviderStatusCheck {

    @Override
    public ProviderId provider() {
        return ProviderId.ANNANOW;
    }

    @Override
    public Status check(Merchant merchant, PaymentTransaction transaction) {
        if (transaction.status() != TransactionStatus.CHARGE_REQUESTED) {
            return new Unknown("Annanow is asked about a payment waiting for the customer only, not a "
                + transaction.status() + " payment's open request");
        }
        Optional<Long> id = transaction.providerReference().filter(reference -> reference.matches("\\d{1,18}"))
            .map(Long::valueOf);
        if (id.isEmpty()) {
            return new Unknown("No Annanow transaction id to ask Annanow about");
        }
        Optional<ProviderSettings> settings = units.inNewTransaction(() -> channels.bySlug(merchant.id(),
            transaction.channelSlug()).flatMap(channel -> channel.provider(ProviderId.ANNANOW)));
        if (settings.isEmpty()) {
            return new Unknown("Annanow is not configured on channel " + transaction.channelSlug());
        }
        Optional<String> status;
        try {
            status = api.transactionStatus(new ProviderConfiguration(settings.get(), secrets), id.get());
        } catch (IllegalStateException unanswered) {
            return new Unknown(unanswered.getMessage());
        }
        if (status.isEmpty()) {
            return new Unknown("Annanow does not know transaction " + id.get());
        }
        Optional<AnnanowStatus> known = AnnanowStatus.of(status.get());
        OperationResult result = known.map(s -> switch (s) {
            case CONFIRMED -> OperationResult.SUCCESS;
            case DECLINED, ERROR, CANCELLED -> OperationResult.FAILURE;
            default -> null;
        }).orElse(null);
        if (result == null) {
            return new Unknown("Annanow reports the transaction " + known.map(AnnanowStatus::wireName)
                .orElse("in an unknown status"));
        }
        return new Found(Operation.CHARGE, result, Optional.of(id.get().toString()),
            "Annanow reports the transaction " + known.get().wireName(),
            "annanow:" + id.get() + ":" + known.get().wireName());
    }
}
