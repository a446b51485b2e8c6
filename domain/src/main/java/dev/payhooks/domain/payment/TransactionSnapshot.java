package dev.payhooks.domain.payment;

import java.time.Instant;
import java.util.List;

/**
 * The stored form of a {@link PaymentTransaction}, for repositories: the current state (so
 * that lists and searches need no replay) plus the full event history and the history of
 * provider references.
 */
public record TransactionSnapshot(TransactionId id, String channelSlug, ProviderId provider,
                                  String merchantReference, Currency currency, TransactionStatus status,
                                  TransactionAmounts amounts, List<ProviderReference> providerReferences,
                                  List<TransactionEvent> events, Instant createdAt, Instant updatedAt,
                                  long version) {

    public TransactionSnapshot {
        providerReferences = List.copyOf(providerReferences);
        events = List.copyOf(events);
    }
}
