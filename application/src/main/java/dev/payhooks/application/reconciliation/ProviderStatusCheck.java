package dev.payhooks.application.reconciliation;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionEvent;

import java.util.List;
import java.util.Optional;

/**
 * Asks one provider what became of a transaction whose outcome is open, for the reconciliation
 * job ({@link ReconcileTransactions}). The provider adapter implements it over the provider's
 * API, called outside any database transaction; a provider without a status query has no
 * implementation and its transactions wait for the provider's notification.
 */
public interface ProviderStatusCheck {

    ProviderId provider();

    /** The provider's word on the merchant's transaction, or why it gave none. */
    Status check(Merchant merchant, PaymentTransaction transaction);

    /**
     * What else must happen with an outcome this check found, in the transaction that records it
     * (e.g. the Saleor report of a Saleor transaction); nothing by default.
     */
    default void recorded(Merchant merchant, PaymentTransaction transaction, List<TransactionEvent> events) {
    }

    /** What a check came to. */
    sealed interface Status permits Found, Unknown { }

    /**
     * The provider knows how the open operation ended.
     *
     * @param eventKey the provider fact it is, so that the same outcome from an answer or a
     *                 notification is recognised and applied once
     */
    record Found(Operation operation, OperationResult result, Optional<String> reference, String message,
                 String eventKey) implements Status {
        public Found {
            Required.nonNull("operation, result, reference, message, eventKey", operation, result, reference, message,
                eventKey);
        }
    }

    /** The provider gave no outcome (not decided yet, not reachable, no way to ask): {@code why} for staff. */
    record Unknown(String why) implements Status {
        public Unknown {
            Required.nonNull("why", why);
        }
    }
}
