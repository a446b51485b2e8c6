package dev.payhooks.application.channels;

import dev.payhooks.application.cache.CachedViews;
import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Saleor installations as the webhook check reads them, kept in memory for at most {@link #TTL}
 * ({@link CachedViews}): every Saleor webhook names its instance, and its installation holds the
 * keys its signature is checked with. Two views of the same installations:
 * <ul>
 *   <li>{@link #reading()} for the webhook check and for the notification path's Saleor reports:
 *       {@code find} and {@code ofMerchant(merchant, provider)} answer from memory while the entry
 *       is younger than the TTL; an installation that is not found is not kept (a merchant's list
 *       is, even when empty: a caller that needs one it does not find there asks {@link #changing()}).</li>
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
public final class SaleorInstallationCache
    extends CachedViews<SaleorInstallations, SaleorInstallationCache.Key, SaleorInstallation> {

    static final int MAX_ENTRIES = 1_000;

    /** What the webhook check looks an installation up by. */
    record Key(String apiUrl, ProviderId provider) { }

    /** What a merchant's installations of one provider's app are kept by. */
    record OfMerchant(String merchantId, ProviderId provider) { }

    private final RecentReads<OfMerchant, List<SaleorInstallation>> ofMerchant;

    public SaleorInstallationCache(SaleorInstallations store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    SaleorInstallationCache(SaleorInstallations store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime,
                            Duration ttl) {
        super(store, afterTransaction, nanoTime, ttl, MAX_ENTRIES);
        this.ofMerchant = alsoKept();
    }

    @Override
    protected SaleorInstallations view() {
        return new SaleorInstallationsView();
    }

    private final class SaleorInstallationsView extends View implements SaleorInstallations {

        @Override
        public Optional<SaleorInstallation> find(String apiUrl, ProviderId provider) {
            return read(new Key(apiUrl, provider), () -> store.find(apiUrl, provider));
        }

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
            if (this != reading()) {
                return store.ofMerchant(merchantId, provider);
            }
            return ofMerchant.get(new OfMerchant(merchantId, provider),
                () -> Optional.of(List.copyOf(store.ofMerchant(merchantId, provider)))).orElseThrow();
        }

        @Override
        public List<SaleorInstallation> ofMerchant(String merchantId) {
            return store.ofMerchant(merchantId);
        }

        @Override
        public void remove(SaleorInstallation installation) {
            invalidate();
            store.remove(installation);
        }
    }
}
