package dev.payhooks.application.channels;

import dev.payhooks.application.cache.CachedViews;
import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Channels with their provider settings as the notification path reads them, kept in memory for
 * at most {@link #TTL}: every notification needs its channel to verify it, and most of a
 * provider's notifications go to a handful of channels. The Saleor apps read a channel's provider
 * configuration for every webhook through the same view. Kept in {@link CachedViews}.
 *
 * <p>Two views of the same channels:
 * <ul>
 *   <li>{@link #reading()} for the notification endpoint and the worker that applies
 *       notifications: {@code byEndpointKey} and {@code bySlug} answer from memory while the
 *       entry is younger than the TTL. A channel that is not found is not kept (an unknown
 *       endpoint key costs a query each time, and nobody can fill the memory with them).</li>
 *   <li>{@link #changing()} for everything else (the management API, the console, the sandbox):
 *       every read by slug or endpoint key goes to the store, and every {@code add}, {@code update}
 *       and {@code remove} empties the cache at once and again when the changing transaction ends.
 *       The second time drops what a reader loaded while the change was not yet committed.</li>
 * </ul>
 * A merchant's list of channels ({@code ofMerchant}, what the management API's {@code GET
 * /api/v1/channels} and the console show) is answered from memory in both views within the TTL:
 * nothing changes a channel it got from a list.
 * So within one instance a changed channel or provider setting (a rotated HMAC key, a new
 * password) is used from the next request after its commit. A change made on another instance
 * sharing the database reaches this one within the TTL: until then this instance still checks
 * notifications against the settings it read, so a notification signed with a key rotated
 * elsewhere may be refused (401) for up to {@link #TTL}; providers send it again.
 */
public final class ChannelCache extends CachedViews<Channels, Object, Channel> {

    /** At most this many channels are kept (by endpoint key and by slug together). */
    static final int MAX_ENTRIES = 10_000;

    private record ByEndpointKey(ProviderId provider, String endpointKey) { }

    private record BySlug(String merchantId, String slug) { }

    /** A merchant's channels, as the management API and the console list them. */
    private final RecentReads<String, List<Channel>> lists;

    public ChannelCache(Channels store, RecentReads.AfterTransaction afterTransaction) {
        this(store, afterTransaction, System::nanoTime, TTL);
    }

    ChannelCache(Channels store, RecentReads.AfterTransaction afterTransaction, LongSupplier nanoTime, Duration ttl) {
        super(store, afterTransaction, nanoTime, ttl, MAX_ENTRIES);
        this.lists = alsoKept();
    }

    @Override
    protected Channels view() {
        return new ChannelsView();
    }

    private final class ChannelsView extends View implements Channels {

        @Override
        public Optional<Channel> bySlug(String merchantId, String slug) {
            return read(new BySlug(merchantId, slug), () -> store.bySlug(merchantId, slug));
        }

        /** Both views: a list is only shown, and a change reads the channel it changes by slug. */
        @Override
        public List<Channel> ofMerchant(String merchantId) {
            return lists.get(merchantId, () -> Optional.of(List.copyOf(store.ofMerchant(merchantId)))).orElseThrow();
        }

        @Override
        public Optional<Channel> byEndpointKey(ProviderId provider, String endpointKey) {
            return read(new ByEndpointKey(provider, endpointKey), () -> store.byEndpointKey(provider, endpointKey));
        }

        @Override
        public void remove(Channel channel) {
            invalidate();
            store.remove(channel);
        }
    }
}
