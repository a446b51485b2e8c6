package dev.payhooks.application.cache;

import dev.payhooks.domain.port.AggregateStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A store port {@code P} in two views that share one {@link RecentReads}, kept for at most
 * {@link #TTL}:
 * <ul>
 *   <li>{@link #reading()} for a request path: its lookups by key answer from memory while the
 *       entry is younger than the TTL; what is not found is not kept.</li>
 *   <li>{@link #changing()} for everything else: every read goes to the store.</li>
 * </ul>
 * In both views every change empties the cache at once and again when the changing transaction
 * ends ({@link #invalidate()}). A subclass makes each view of {@link #store} with
 * {@link #view()}: a {@link View} with the port's reads.
 *
 * @param <P> the store port both views implement
 * @param <K> what a cached lookup is by
 * @param <V> what it finds
 */
public abstract class CachedViews<P extends AggregateStore<V>, K, V> {

    /** How long a row read from the store is used: the staleness bound across instances. */
    public static final Duration TTL = Duration.ofSeconds(5);

    protected final P store;
    private final RecentReads<K, V> recent;
    private final List<RecentReads<?, ?>> alsoKept = new ArrayList<>();
    private final RecentReads.AfterTransaction afterTransaction;
    private final LongSupplier nanoTime;
    private final Duration ttl;
    private final int maxEntries;
    private final P reading;
    private final P changing;

    /** Makes both views: {@link #view()} runs before the subclass's fields are set, so it must not read them. */
    protected CachedViews(P store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl,
                          int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.recent = new RecentReads<>(afterTransaction, nanoTime, ttl, maxEntries);
        this.afterTransaction = afterTransaction;
        this.nanoTime = nanoTime;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.reading = view();
        this.changing = view();
    }

    /** A new view of the store: a {@link View} with the port's other methods. */
    protected abstract P view();

    /** Cached lookups; changes invalidate. Never hand what it returns to a change. */
    public final P reading() {
        return reading;
    }

    /** Reads from the store; changes invalidate. */
    public final P changing() {
        return changing;
    }

    /**
     * Another cache beside the one by key (a list, say), with the same TTL, size and transaction
     * hook, emptied by {@link #invalidate()} with it. A subclass makes it in its constructor.
     */
    protected final <L, W> RecentReads<L, W> alsoKept() {
        RecentReads<L, W> kept = new RecentReads<>(afterTransaction, nanoTime, ttl, maxEntries);
        alsoKept.add(kept);
        return kept;
    }

    /** Empties the cache (and what {@link #alsoKept()} made) now and once more when the caller's transaction ends. */
    public void invalidate() {
        recent.invalidate();
        alsoKept.forEach(RecentReads::invalidate);
    }

    /**
     * A view's common part: its lookups by key ({@link #read}), and its adds and updates, which
     * empty the cache before they go to the store. A subclass adds the port's other methods.
     */
    protected abstract class View implements AggregateStore<V> {

        /** What {@code load} finds for {@code key}: in the {@link #reading()} view from memory while it is recent. */
        protected final Optional<V> read(K key, Supplier<Optional<V>> load) {
            return this == reading ? recent.get(key, load) : load.get();
        }

        @Override
        public void add(V aggregate) {
            invalidate();
            store.add(aggregate);
        }

        @Override
        public void update(V aggregate) {
            invalidate();
            store.update(aggregate);
        }
    }
}
