package dev.payhooks.domain.provider;

import dev.payhooks.domain.payment.Currency;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to find the payment a notification is about: by one of the provider's references (tried
 * in order), else by the merchant's reference for the payment. When nothing matches and the
 * notification carries enough to describe the payment ({@link NewTransaction}), the hub creates
 * it: Walley and Annanow payments may start outside Saleor (docs/DECISIONS.md).
 */
public record TransactionTarget(List<String> providerReferences, Optional<String> merchantReference,
                                Optional<NewTransaction> createIfUnknown) {

    public TransactionTarget {
        providerReferences = List.copyOf(providerReferences);
        Objects.requireNonNull(merchantReference, "merchantReference");
        Objects.requireNonNull(createIfUnknown, "createIfUnknown");
    }

    /** The payment as the notification describes it: the merchant's reference and the currency. */
    public record NewTransaction(String merchantReference, Currency currency) {
        public NewTransaction {
            Objects.requireNonNull(merchantReference, "merchantReference");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
