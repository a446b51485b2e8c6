package dev.payhooks.application.channels;

import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Saleor installations as the webhook check reads them, kept in memory for at most {@link #TTL}
 * ({@link RecentReads}): every Saleor webhook names its instance, and its installation holds the
 * keys its signature is checked with. Two views of the same installations:
 * <ul>
 *   <li>{@link #reading()} for the webhook check: {@code find} answers from memory while the entry
 *       is younger than the TTL; an installation that is not found is not kept.</li>
 *   <li>{@link #changing()} for everything else (registration, removal, a refetch of the keys):
 *       every read goes to the store, and every {@code add}, {@code update} and {@code remove}
 *       empties the cache at once and again when the changing transaction ends.</li>
 * </ul>
 * So on one instance a new token, refetched keys or a removed installation count from the next
 * webhook after the commit; a change made on another instance sharing the database counts here
 * within {@link #TTL} (until then a webhook of a removed installation may still be verified with
 * the keys it had, and a webhook signed with keys another instance refetched costs this one its
 * own refetch, at most once a minute).
 */
public final class SaleorInstallationCache {

    /** How long an installation read from the store is used: the staleness bound across instances. */
    public static final Duration TTL = Duration.ofSeconds(5);

    static final int MAX_ENTRIES = 1_000;

    private record Key(String apiUrl, ProviderId provider) { }

    private final SaleorInstallations store;
    private final RecentReads<Key, SaleorInstallation> recent;
    private final SaleorInstallations reading = new View(true);
    private final SaleorInstallations changing = new View(false);

    public SaleorInstallationCache(SaleorInstallations store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    SaleorInstallationCache(SaleorInstallations store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime,
                            Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.recent = new RecentReads<>(afterTransaction, nanoTime, ttl, MAX_ENTRIES);
    }

    /** Cached {@code find}; changes invalidate. Never hand what it returns to a change. */
    public SaleorInstallations reading() {
        return reading;
    }

    /** Reads from the store; changes invalidate. */
    public SaleorInstallations changing() {
        return changing;
    }

    private final class View implements SaleorInstallations {
        private final boolean cached;

        View(boolean cached) {
            this.cached = cached;
        }

        @Override
        public Optional<SaleorInstallation> find(String apiUrl, ProviderId provider) {
            return cached ? recent.get(new Key(apiUrl, provider), () -> store.find(apiUrl, provider))
                : store.find(apiUrl, provider);
        }

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
            return store.ofMerchant(merchantId, provider);
        }

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId) {
            return store.ofMerchant(merchantId);
        }

        @Override
        public void add(SaleorInstallation installation) {
            recent.invalidate();
            store.add(installation);
        }

        @Override
        public void update(SaleorInstallation installation) {
            recent.invalidate();
            store.update(installation);
        }

        @Override
        public void remove(SaleorInstallation installation) {
            recent.invalidate();
            store.remove(installation);
        }
    }
}
