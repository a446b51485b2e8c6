package dev.payhooks.application.merchants;

import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Merchants as the request paths read them, kept in memory for at most {@link #TTL}
 * ({@link RecentReads}): every management API request checks that its key's merchant is
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
public final class MerchantCache {

    /** How long a merchant read from the store is used: the staleness bound across instances. */
    public static final Duration TTL = Duration.ofSeconds(5);

    static final int MAX_ENTRIES = 10_000;

    private final Merchants store;
    private final RecentReads<String, Merchant> recent;
    private final Merchants reading = new View(true);
    private final Merchants changing = new View(false);

    public MerchantCache(Merchants store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    MerchantCache(Merchants store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.recent = new RecentReads<>(afterTransaction, nanoTime, ttl, MAX_ENTRIES);
    }

    /** Cached {@code byId}; changes invalidate. Never hand what it returns to a change. */
    public Merchants reading() {
        return reading;
    }

    /** Reads from the store; changes invalidate. */
    public Merchants changing() {
        return changing;
    }

    private final class View implements Merchants {
        private final boolean cached;

        View(boolean cached) {
            this.cached = cached;
        }

        @Override
        public Optional<Merchant> byId(String id) {
            return cached ? recent.get(id, () -> store.byId(id)) : store.byId(id);
        }

        @Override
        public List<Merchant> all() {
            return store.all();
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public void add(Merchant merchant) {
            recent.invalidate();
            store.add(merchant);
        }

        @Override
        public void update(Merchant merchant) {
            recent.invalidate();
            store.update(merchant);
        }
    }
}
