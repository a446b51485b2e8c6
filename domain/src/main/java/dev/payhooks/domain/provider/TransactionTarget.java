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
 *
 * <p>{@code orderingKey} names the payment the same way on all of its notifications, so that
 * they are applied in their order (docs/DECISIONS.md): the provider adapter sets it where it
 * knows such a reference (Adyen: the payment's pspReference, which a modification names as its
 * originalReference; Annanow: the payment's transaction id, which a capture of a pre-authorization
 * names); otherwise it is the merchant's reference when there is one (Walley repeats it on a
 * payment's later notifications), else the first provider reference.
 */
public record TransactionTarget(List<String> providerReferences, Optional<String> merchantReference,
                                Optional<NewTransaction> createIfUnknown, Optional<String> orderingKey) {

    public TransactionTarget {
        providerReferences = List.copyOf(providerReferences);
        Objects.requireNonNull(merchantReference, "merchantReference");
        Objects.requireNonNull(createIfUnknown, "createIfUnknown");
        Objects.requireNonNull(orderingKey, "orderingKey");
        if (orderingKey.isEmpty()) {
            orderingKey = merchantReference.isPresent() ? merchantReference
                : providerReferences.stream().findFirst();
        }
    }

    /** Ordered by the merchant's reference, else the first provider reference. */
    public TransactionTarget(List<String> providerReferences, Optional<String> merchantReference,
                             Optional<NewTransaction> createIfUnknown) {
        this(providerReferences, merchantReference, createIfUnknown, Optional.empty());
    }

    /** The payment as the notification describes it: the merchant's reference and the currency. */
    public record NewTransaction(String merchantReference, Currency currency) {
        public NewTransaction {
            Objects.requireNonNull(merchantReference, "merchantReference");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
