package dev.payhooks.application.apikeys;

import dev.payhooks.application.cache.CachedViews;
import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link ApiKeys} with the lookup by hash, which authenticates every management API request,
 * answered from memory for at most {@link #TTL} ({@link CachedViews}). {@link #reading()} serves
 * the API and the console alike: only {@code byHash} is cached there, every other read goes to
 * the store, and every {@code add} and {@code update} (a revocation) empties the cache at once
 * and again when its transaction ends. So a key revoked on this instance is refused from the next
 * request after the commit; a key revoked on another instance sharing the database is refused
 * here within {@link #TTL}. Only keys that were found are kept: a wrong key costs a lookup each
 * time. The key is still presented in full and hashed for every request; the cache spares the
 * database read, not the check.
 */
public final class ApiKeyCache extends CachedViews<ApiKeys, String, ApiKey> {

    static final int MAX_ENTRIES = 10_000;

    public ApiKeyCache(ApiKeys store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    ApiKeyCache(ApiKeys store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl) {
        super(store, afterTransaction, nanoTime, ttl, MAX_ENTRIES);
    }

    @Override
    protected ApiKeys view() {
        return new ApiKeysView();
    }

    private final class ApiKeysView extends View implements ApiKeys {

        /** Cached in {@link #reading()}: never hand what it returns to a change ({@link #byId} reads the store for that). */
        @Override
        public Optional<ApiKey> byHash(String keyHash) {
            return read(keyHash, () -> store.byHash(keyHash));
        }

        @Override
        public Optional<ApiKey> byId(String merchantId, String id) {
            return store.byId(merchantId, id);
        }

        @Override
        public List<ApiKey> ofMerchant(String merchantId) {
            return store.ofMerchant(merchantId);
        }
    }
}
