package dev.payhooks.application.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentReadsTest {

    private final Map<String, String> store = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    /** The actions waiting for the end of the "transaction"; {@link #commit} runs them. */
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final RecentReads<String, String> recent = new RecentReads<>(afterTransaction::add, nanos::get,
        Duration.ofSeconds(5), 3);

    private Supplier<Optional<String>> load(String key) {
        return () -> {
            reads.incrementAndGet();
            return Optional.ofNullable(store.get(key));
        };
    }

    private Optional<String> read(String key) {
        return recent.get(key, load(key));
    }

    private void commit() {
        List<Runnable> due = List.copyOf(afterTransaction);
        afterTransaction.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aValueFoundIsAnsweredFromMemoryUntilTheTtlHasPassed() {
        store.put("a", "one");
        assertEquals("one", read("a").orElseThrow());
        store.put("a", "two"); // changed behind the cache's back (another instance)
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertEquals("one", read("a").orElseThrow(), "within the TTL the kept value is used");
        assertEquals(1, reads.get());
        nanos.addAndGet(1);
        assertEquals("two", read("a").orElseThrow(), "at the TTL the store is read again");
        assertEquals(2, reads.get());
    }

    @Test
    void nothingFoundIsNotKeptAndAValueGoneFromTheStoreIsDroppedAfterTheTtl() {
        assertTrue(read("a").isEmpty());
        assertTrue(read("a").isEmpty());
        assertEquals(2, reads.get(), "an unknown key costs a read each time");
        store.put("a", "one");
        assertEquals("one", read("a").orElseThrow(), "a value added meanwhile is found at once");

        store.remove("a");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(read("a").isEmpty());
        assertEquals(0, recent.size());
    }

    @Test
    void invalidatingEmptiesAtOnceAndAgainWhenTheTransactionEnds() {
        store.put("a", "one");
        read("a");
        recent.invalidate(); // a change, not yet committed: a reader still loads the old value
        assertEquals("one", read("a").orElseThrow());
        assertEquals(2, reads.get(), "invalidated at once");
        store.put("a", "two"); // committed
        commit();
        assertEquals("two", read("a").orElseThrow(), "what was loaded before the commit is dropped at its end");
        assertEquals(3, reads.get());
        read("a");
        assertEquals(3, reads.get(), "and what was loaded after it is kept");
    }

    @Test
    void aLoadThatOverlapsAnInvalidationIsNotKept() {
        store.put("a", "old");
        RecentReads<String, String> racing = new RecentReads<>(Runnable::run, nanos::get, Duration.ofSeconds(5), 3);
        racing.get("a", () -> {
            reads.incrementAndGet();
            racing.invalidate(); // a change commits while the store answers
            return Optional.of("old");
        });
        assertEquals(0, racing.size());
    }

    @Test
    void thereAreNeverMoreEntriesThanTheBound() {
        for (String key : List.of("a", "b", "c", "d", "e")) {
            store.put(key, key.toUpperCase());
            read(key);
            assertTrue(recent.size() <= 3, "kept " + recent.size());
        }
        assertEquals("E", read("e").orElseThrow());
        assertEquals(5, reads.get(), "the last value read is kept");
        assertThrows(IllegalArgumentException.class, () -> new RecentReads<String, String>(Runnable::run, Duration.ofSeconds(1), 0));
    }
}
