package dev.payhooks.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of a {@link PaymentTransaction}, for repositories: the current state (so
 * that lists and searches need no replay) plus the full event history and the history of
 * provider references, and what the provider told about the payment ({@link PaymentDetails}).
 */
public record TransactionSnapshot(TransactionId id, String channelSlug, ProviderId provider,
                                  String merchantReference, Currency currency, TransactionStatus status,
                                  TransactionAmounts amounts, List<ProviderReference> providerReferences,
                                  List<TransactionEvent> events, Instant createdAt, Instant updatedAt,
                                  long version, PaymentDetails details) {

    public TransactionSnapshot {
        providerReferences = List.copyOf(providerReferences);
        events = List.copyOf(events);
        Objects.requireNonNull(details, "details");
    }

    /** A snapshot without payment details. */
    public TransactionSnapshot(TransactionId id, String channelSlug, ProviderId provider, String merchantReference,
                               Currency currency, TransactionStatus status, TransactionAmounts amounts,
                               List<ProviderReference> providerReferences, List<TransactionEvent> events,
                               Instant createdAt, Instant updatedAt, long version) {
        this(id, channelSlug, provider, merchantReference, currency, status, amounts, providerReferences, events,
            createdAt, updatedAt, version, PaymentDetails.NONE);
    }
}
