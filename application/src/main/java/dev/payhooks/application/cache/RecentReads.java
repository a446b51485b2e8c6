package dev.payhooks.application.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the store answered to recent reads, kept in memory for at most a TTL and dropped by every
 * change: the one way the request paths avoid reading the same rows for every request (channels,
 * Saleor installations, API keys).
 *
 * <ul>
 *   <li>Only what was found is kept: an unknown key costs a read each time, so nobody can fill the
 *       memory with made-up keys, and a row added meanwhile is found at once.</li>
 *   <li>At most {@code maxEntries} entries: a load that would go past it empties the cache first.</li>
 *   <li>{@link #invalidate} empties the cache at once and again when the caller's transaction ends;
 *       the second time drops what a reader loaded while the change was not yet committed, and a
 *       load that began before an invalidation is not kept.</li>
 * </ul>
 * A load runs in the caller's transaction, or in one of its own when the caller has none
 * ({@link AfterTransaction#load}): a reader that finds its entry opens none.
 * So within one instance a change is used from the next read after its commit; a change made on
 * another instance sharing the database is seen here within the TTL.
 *
 * @param <K> what a read is by
 * @param <V> what it found
 */
public final class RecentReads<K, V> {

    /** Runs an action when the caller's transaction has ended, or at once outside a transaction. */
    @FunctionalInterface
    public interface AfterTransaction {
        void run(Runnable action);

        /**
         * {@link #run} for an action that needs to run once per transaction however often the
         * transaction asks for it: the first request with {@code key} in a transaction registers
         * it, later ones with the same key add nothing. Outside a transaction it runs at once.
         */
        default void runOnce(Object key, Runnable action) {
            run(action);
        }

        /**
         * Runs a load of the store: in the caller's transaction, or outside any in a transaction of
         * its own. So a request path that finds what it needs in memory opens no transaction for it.
         */
        default <T> T load(Supplier<T> load) {
            return load.get();
        }
    }

    private record Entry<V>(V value, long loadedAt) { }

    private final AfterTransaction afterTransaction;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a load that began before one is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public RecentReads(AfterTransaction afterTransaction, Duration ttl, int maxEntries) {
        this(afterTransaction, System::nanoTime, ttl, maxEntries);
    }

    public RecentReads(AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl, int maxEntries) {
        this.afterTransaction = Objects.requireNonNull(afterTransaction, "afterTransaction");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.ttlNanos = ttl.toNanos();
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** The value kept for {@code key} while younger than the TTL, else what {@code load} finds (kept if found). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry.value());
        }
        long before = generation.get();
        Optional<V> loaded = afterTransaction.load(load);
        if (loaded.isPresent()) {
            if (entry == null && entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now));
            if (generation.get() != before) {
                entries.remove(key);
            }
        } else if (entry != null) {
            entries.remove(key, entry);
        }
        return loaded;
    }

    /** Empties the cache now and once more when the caller's transaction ends. */
    public void invalidate() {
        clear();
        afterTransaction.run(this::clear);
    }

    /** How many entries are kept (expired ones included until they are read again). */
    public int size() {
        return entries.size();
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
