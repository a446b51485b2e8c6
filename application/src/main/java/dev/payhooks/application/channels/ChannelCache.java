package dev.payhooks.application.channels;

import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Channels with their provider settings as the notification path reads them, kept in memory for
 * at most {@link #TTL}: every notification needs its channel to verify it, and most of a
 * provider's notifications go to a handful of channels.
 *
 * <p>Two views of the same channels:
 * <ul>
 *   <li>{@link #reading()} for the notification endpoint and the worker that applies
 *       notifications: {@code byEndpointKey} and {@code bySlug} answer from memory while the
 *       entry is younger than the TTL. A channel that is not found is not kept (an unknown
 *       endpoint key costs a query each time, and nobody can fill the memory with them).</li>
 *   <li>{@link #changing()} for everything else (the management API, the console, the sandbox):
 *       every read goes to the store, and every {@code add}, {@code update} and {@code remove}
 *       empties the cache at once and again when the changing transaction ends. The second time
 *       drops what a reader loaded while the change was not yet committed.</li>
 * </ul>
 * So within one instance a changed channel or provider setting (a rotated HMAC key, a new
 * password) is used from the next request after its commit. A change made on another instance
 * sharing the database reaches this one within the TTL: until then this instance still checks
 * notifications against the settings it read, so a notification signed with a key rotated
 * elsewhere may be refused (401) for up to {@link #TTL}; providers send it again.
 */
public final class ChannelCache {

    /** How long a channel read from the store is used: the staleness bound across instances. */
    public static final Duration TTL = Duration.ofSeconds(5);

    /** Runs an action when the caller's transaction has ended, or at once outside a transaction. */
    @FunctionalInterface
    public interface AfterTransaction {
        void run(Runnable action);
    }

    private record ByEndpointKey(ProviderId provider, String endpointKey) { }

    private record BySlug(String merchantId, String slug) { }

    private record Entry(Channel channel, long loadedAt) { }

    private final Channels store;
    private final AfterTransaction afterTransaction;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a load that began before one is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final Channels reading = new View(true);
    private final Channels changing = new View(false);

    public ChannelCache(Channels store, AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    ChannelCache(Channels store, AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.afterTransaction = Objects.requireNonNull(afterTransaction, "afterTransaction");
        this.nanoTime = nanoTime;
        this.ttlNanos = ttl.toNanos();
    }

    /** Cached reads by endpoint key and by slug; changes invalidate. Never hand what it returns to a change. */
    public Channels reading() {
        return reading;
    }

    /** Reads from the store; changes invalidate. */
    public Channels changing() {
        return changing;
    }

    /** Empties the cache now and once more when the caller's transaction ends. */
    public void invalidate() {
        clear();
        afterTransaction.run(this::clear);
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private Optional<Channel> cached(Object key, Supplier<Optional<Channel>> load) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry.channel());
        }
        long before = generation.get();
        Optional<Channel> loaded = load.get();
        if (loaded.isPresent()) {
            entries.put(key, new Entry(loaded.get(), now));
            if (generation.get() != before) {
                entries.remove(key);
            }
        } else if (entry != null) {
            entries.remove(key, entry);
        }
        return loaded;
    }

    private final class View implements Channels {
        private final boolean cached;

        View(boolean cached) {
            this.cached = cached;
        }

        @Override
        public Optional<Channel> bySlug(String merchantId, String slug) {
            return cached ? cached(new BySlug(merchantId, slug), () -> store.bySlug(merchantId, slug))
                : store.bySlug(merchantId, slug);
        }

        @Override
        public List<Channel> ofMerchant(String merchantId) {
            return store.ofMerchant(merchantId);
        }

        @Override
        public Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey) {
            return cached ? cached(new ByEndpointKey(provider, endpointKey), () -> store.byEndpointKey(provider, endpointKey))
                : store.byEndpointKey(provider, endpointKey);
        }

        @Override
        public void add(Channel channel) {
            invalidate();
            store.add(channel);
        }

        @Override
        public void update(Channel channel) {
            invalidate();
            store.update(channel);
        }

        @Override
        public void remove(Channel channel) {
            invalidate();
            store.remove(channel);
        }
    }
}
