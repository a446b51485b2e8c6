package dev.payhooks.application.merchants;

import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MerchantCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryMerchants store = new InMemoryMerchants() {
        @Override
        public synchronized Optional<Merchant> byId(String id) {
            reads.incrementAndGet();
            return super.byId(id);
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final MerchantCache cache = new MerchantCache(store, afterTransaction::add, nanos::get, MerchantCache.TTL);

    private void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    /** A fresh copy of the stored merchant, as the database answers, disabled. */
    private static Merchant disabled() {
        Merchant copy = Merchant.register("m1", "Shop", "abcdefghij12345", T0);
        copy.disable(T0.plusSeconds(60));
        return copy;
    }

    @Test
    void theReadingViewAnswersFromMemoryWithinTheTtlAndTheChangingViewNever() {
        cache.changing().add(Merchant.register("m1", "Shop", "abcdefghij12345", T0));
        commit();
        Merchant first = cache.reading().byId("m1").orElseThrow();
        assertSame(first, cache.reading().byId("m1").orElseThrow());
        assertEquals(1, reads.get());
        cache.changing().byId("m1");
        assertEquals(2, reads.get(), "the changing view reads the store");
        assertTrue(cache.reading().byId("nobody").isEmpty());
        assertTrue(cache.reading().byId("nobody").isEmpty());
        assertEquals(4, reads.get(), "an unknown merchant is not kept");
        nanos.addAndGet(MerchantCache.TTL.toNanos());
        cache.reading().byId("m1");
        assertEquals(5, reads.get(), "after the TTL the store is read again");
    }

    @Test
    void aMerchantDisabledOnThisInstanceIsSeenFromTheNextRead() {
        cache.changing().add(Merchant.register("m1", "Shop", "abcdefghij12345", T0));
        commit();
        assertTrue(cache.reading().byId("m1").orElseThrow().enabled());
        cache.changing().update(disabled());
        assertFalse(cache.reading().byId("m1").orElseThrow().enabled(), "at once");
        commit();
        assertFalse(cache.reading().byId("m1").orElseThrow().enabled(), "and after the commit");
    }

    @Test
    void aMerchantDisabledOnAnotherInstanceIsSeenWithinTheTtl() {
        cache.changing().add(Merchant.register("m1", "Shop", "abcdefghij12345", T0));
        commit();
        cache.reading().byId("m1");
        store.update(disabled()); // the other instance's change reaches only the store
        nanos.addAndGet(MerchantCache.TTL.toNanos() - 1);
        assertTrue(cache.reading().byId("m1").orElseThrow().enabled());
        nanos.addAndGet(1);
        assertFalse(cache.reading().byId("m1").orElseThrow().enabled());
        assertEquals(Duration.ofSeconds(5), MerchantCache.TTL);
    }
}
