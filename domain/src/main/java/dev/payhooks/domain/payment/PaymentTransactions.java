package dev.payhooks.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All payment transactions, each owned by one merchant. The owner is a matter of access (which
 * API key may see it), not of payment rules, so it lives here rather than in the aggregate.
 */
public interface PaymentTransactions {

    /** Adds a new transaction of a merchant. */
    void add(String merchantId, PaymentTransaction transaction);

    /** Stores new state and appended events (optimistic locking on the version). */
    void update(PaymentTransaction transaction);

    Optional<PaymentTransaction> byId(String merchantId, TransactionId id);

    /**
     * A merchant's transaction a provider reference (current or earlier) points at. Scoped to the
     * merchant: provider references are unique only within one provider account, and two
     * merchants' accounts may hand out the same one.
     */
    Optional<PaymentTransaction> byProviderReference(String merchantId, ProviderId provider, String providerReference);

    /** A merchant's transaction at a provider by the merchant's (or counterpart's) reference for it; the newest if several. */
    Optional<PaymentTransaction> byMerchantReference(String merchantId, ProviderId provider, String merchantReference);

    /**
     * A merchant's transaction by what a provider's report names: the first of
     * {@code providerReferences} that points at one ({@link #byProviderReference}, in the given
     * order), and only when none does, the newest by {@code merchantReference}
     * ({@link #byMerchantReference}). A store may answer it in fewer reads than one per reference.
     */
    default Optional<PaymentTransaction> byReferences(String merchantId, ProviderId provider, List<String> providerReferences,
                                                      Optional<String> merchantReference) {
        for (String reference : providerReferences) {
            Optional<PaymentTransaction> byReference = byProviderReference(merchantId, provider, reference);
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return merchantReference.flatMap(reference -> byMerchantReference(merchantId, provider, reference));
    }

    /** A page of a merchant's transactions, newest first. */
    Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit);

    /**
     * How many of a merchant's transactions were created on each UTC day of {@code [from, to)},
     * oldest day first; days without any are left out. Counted by the database (one grouped
     * query), not by reading the transactions.
     */
    List<DailyCount> dailyCounts(String merchantId, Instant from, Instant to);

    /**
     * The transactions created on one UTC day: all of them, those whose money moved (authorized
     * or charged amount above zero) and those that failed without money moving.
     */
    record DailyCount(java.time.LocalDate day, long created, long succeeded, long failed) {

        /** Counts one transaction as {@link #dailyCounts} does; the in-memory twin of the query's CASEs. */
        public static DailyCount of(PaymentTransaction t) {
            boolean moved = t.authorized().isPositive() || t.charged().isPositive();
            return new DailyCount(java.time.LocalDate.ofInstant(t.createdAt(), java.time.ZoneOffset.UTC), 1, moved ? 1 : 0,
                !moved && t.status() == TransactionStatus.FAILED ? 1 : 0);
        }

        public DailyCount plus(DailyCount other) {
            return new DailyCount(day, created + other.created, succeeded + other.succeeded, failed + other.failed);
        }
    }

    /**
     * Only the set fields filter; {@code from} inclusive, {@code to} exclusive, on creation time;
     * {@code needsAttention}: only transactions the reconciliation flagged for staff
     * ({@code dev.payhooks.domain.reconciliation.Reconciliation}).
     */
    record Filter(Optional<String> channelSlug, Optional<ProviderId> provider, Optional<TransactionStatus> status,
                  Optional<Instant> from, Optional<Instant> to, boolean needsAttention) {

        /** Without the needs-attention condition. */
        public Filter(Optional<String> channelSlug, Optional<ProviderId> provider, Optional<TransactionStatus> status,
                      Optional<Instant> from, Optional<Instant> to) {
            this(channelSlug, provider, status, from, to, false);
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** This filter, limited to transactions flagged for staff or not. */
        public Filter needingAttention(boolean only) {
            return new Filter(channelSlug, provider, status, from, to, only);
        }
    }

    /** Where a page ended: the sort key of its last transaction. */
    record Cursor(Instant createdAt, String id) { }

    record Page(List<PaymentTransaction> items, Optional<Cursor> next) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
