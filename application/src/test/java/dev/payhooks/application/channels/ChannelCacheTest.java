package dev.payhooks.application.channels;

import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** Counts the reads that reach the store. */
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryChannels store = new InMemoryChannels() {
        @Override
        public synchronized Optional<Channel> bySlug(String merchantId, String slug) {
            reads.incrementAndGet();
            return super.bySlug(merchantId, slug);
        }

        @Override
        public synchronized List<Channel> ofMerchant(String merchantId) {
            lists.incrementAndGet();
            return super.ofMerchant(merchantId);
        }
    };
    /** Counts the lists that reach the store. */
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    /** The actions waiting for the end of the "transaction"; {@link #commit} runs them. */
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final ChannelCache cache = new ChannelCache(store, afterTransaction::add, nanos::get, Duration.ofSeconds(5));

    private void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    private static Channel shop(String name) {
        return Channel.open("c1", "m1", "shop", name, "EUR", "NL", T0);
    }

    @Test
    void theReadingViewAnswersFromMemoryWithinTheTtlAndTheChangingViewNever() {
        store.add(shop("Shop"));
        reads.set(0); // adding looks the slug up
        Channel first = cache.reading().bySlug("m1", "shop").orElseThrow();
        assertSame(first, cache.reading().bySlug("m1", "shop").orElseThrow());
        assertEquals(1, reads.get());
        cache.changing().bySlug("m1", "shop");
        assertEquals(2, reads.get(), "the changing view reads the store");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        cache.reading().bySlug("m1", "shop");
        assertEquals(3, reads.get(), "after the TTL the store is read again");
    }

    @Test
    void aChannelThatIsNotFoundIsNotKept() {
        assertTrue(cache.reading().bySlug("m1", "shop").isEmpty());
        store.add(shop("Shop"));
        assertTrue(cache.reading().bySlug("m1", "shop").isPresent(), "a channel added meanwhile is found at once");
    }

    @Test
    void aChangeInvalidatesAtOnceAndAgainWhenItsTransactionEnds() {
        store.add(shop("Shop"));
        cache.reading().bySlug("m1", "shop");
        cache.changing().update(shop("Renamed"));
        // a reader between the change and its commit may load what is still committed: dropped at the end
        assertEquals("Renamed", cache.reading().bySlug("m1", "shop").orElseThrow().name());
        int before = reads.get();
        commit();
        cache.reading().bySlug("m1", "shop");
        assertEquals(before + 1, reads.get(), "the entry loaded before the commit is not used after it");
        cache.reading().bySlug("m1", "shop");
        assertEquals(before + 1, reads.get(), "and the one loaded after it is");
    }

    @Test
    void aLoadThatOverlapsAnInvalidationIsNotKept() {
        ChannelCache[] racing = new ChannelCache[1];
        racing[0] = new ChannelCache(new InMemoryChannels() {
            @Override
            public synchronized Optional<Channel> bySlug(String merchantId, String slug) {
                if (reads.incrementAndGet() == 1) {
                    racing[0].invalidate(); // a change commits while the store answers the first read
                }
                return Optional.of(shop("Shop"));
            }
        }, Runnable::run, nanos::get, Duration.ofSeconds(5));
        racing[0].reading().bySlug("m1", "shop");
        racing[0].reading().bySlug("m1", "shop");
        assertEquals(2, reads.get(), "what was loaded while a change committed is read again");
        racing[0].reading().bySlug("m1", "shop");
        assertEquals(2, reads.get());
    }

    @Test
    void aMerchantsListIsAnsweredFromMemoryInBothViewsUntilAChangeOrTheTtl() {
        store.add(shop("Shop"));
        assertEquals(List.of("Shop"), cache.changing().ofMerchant("m1").stream().map(Channel::name).toList());
        assertEquals(1, cache.reading().ofMerchant("m1").size());
        assertEquals(1, lists.get());
        assertTrue(cache.changing().ofMerchant("m2").isEmpty());
        assertEquals(2, lists.get(), "another merchant's list is its own entry");

        cache.changing().update(shop("Renamed"));
        assertEquals(List.of("Renamed"), cache.changing().ofMerchant("m1").stream().map(Channel::name).toList(),
            "a change on this instance shows at once");
        commit();
        cache.changing().ofMerchant("m1");
        assertEquals(4, lists.get(), "and again after its commit");

        store.update(shop("Changed elsewhere"));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertEquals("Renamed", cache.changing().ofMerchant("m1").get(0).name());
        nanos.addAndGet(1);
        assertEquals("Changed elsewhere", cache.changing().ofMerchant("m1").get(0).name(), "another instance's change within the TTL");
    }
}
