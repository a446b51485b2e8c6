package dev.payhooks.application.merchants;

import dev.payhooks.application.cache.CachedViews;
import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Merchants as the request paths read them, kept in memory for at most {@link #TTL}
 * ({@link CachedViews}): every management API request checks that its key's merchant is
 * enabled, and every Saleor payment webhook reads the merchant of its channel. Two views:
 * <ul>
 *   <li>{@link #reading()} for those checks: {@code byId} answers from memory while the entry is
 *       younger than the TTL; a merchant that is not found is not kept.</li>
 *   <li>{@link #changing()} for everything else: every read goes to the store, and every
 *       {@code add} and {@code update} empties the cache at once and again when the changing
 *       transaction ends.</li>
 * </ul>
 * So a merchant disabled on this instance is refused from the next request after the commit; one
 * disabled on another instance sharing the database is refused here within {@link #TTL}.
 */
public final class MerchantCache extends CachedViews<Merchants, String, Merchant> {

    static final int MAX_ENTRIES = 10_000;

    public MerchantCache(Merchants store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    MerchantCache(Merchants store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl) {
        super(store, afterTransaction, nanoTime, ttl, MAX_ENTRIES);
    }

    @Override
    protected Merchants view() {
        return new MerchantsView();
    }

    private final class MerchantsView extends View implements Merchants {

        @Override
        public Optional<Merchant> byId(String id) {
            return read(id, () -> store.byId(id));
        }

        @Override
        public List<Merchant> all() {
            return store.all();
        }

        @Override
        public long count() {
            return store.count();
        }
    }
}
