package dev.payhooks.admin.eventlog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysetPagesTest {

    /** A log of {@code size} rows 0, 1, 2 …; the mark is the last row seen; it records every call. */
    static final class Log {
        final int size;
        final List<Optional<Integer>> calls = new ArrayList<>();

        Log(int size) {
            this.size = size;
        }

        KeysetPages.Page<Integer, Integer> after(Optional<Integer> mark, int limit) {
            calls.add(mark);
            int first = mark.map(m -> m + 1).orElse(0);
            List<Integer> rows = IntStream.range(first, Math.min(first + limit, size)).boxed().toList();
            Optional<Integer> next = rows.size() == limit ? Optional.of(rows.get(rows.size() - 1)) : Optional.empty();
            return new KeysetPages.Page<>(rows, next);
        }
    }

    @Test
    void scrollingAsksForEachPageOnceByItsStartMark() {
        Log log = new Log(250_000);
        KeysetPages<Integer, Integer> pages = new KeysetPages<>(mark -> log.after(mark, 50), 50);

        assertEquals(IntStream.range(0, 100).boxed().toList(), pages.fetch(0, 100));
        assertEquals(IntStream.range(100, 150).boxed().toList(), pages.fetch(100, 50));
        assertEquals(IntStream.range(50, 125).boxed().toList(), pages.fetch(50, 75));

        assertEquals(List.of(Optional.empty(), Optional.of(49), Optional.of(99)), log.calls);
    }

    @Test
    void aJumpAheadWalksTheMissingPagesOnceAndThenReadsByMark() {
        Log log = new Log(250_000);
        KeysetPages<Integer, Integer> pages = new KeysetPages<>(mark -> log.after(mark, 50), 50);

        assertEquals(List.of(1000, 1001), pages.fetch(1000, 2));
        assertEquals(21, log.calls.size());
        assertEquals(Optional.of(999), log.calls.get(20));

        assertEquals(List.of(1050), pages.fetch(1050, 1));
        assertEquals(22, log.calls.size());
    }

    @Test
    void theEndIsFoundAndNotAskedForAgain() {
        Log log = new Log(120);
        KeysetPages<Integer, Integer> pages = new KeysetPages<>(mark -> log.after(mark, 50), 50);

        assertEquals(IntStream.range(100, 120).boxed().toList(), pages.fetch(100, 50));
        int calls = log.calls.size();
        assertTrue(pages.fetch(150, 50).isEmpty());
        assertTrue(pages.fetch(300, 50).isEmpty());
        assertEquals(calls, log.calls.size());
    }

    @Test
    void anExactMultipleOfThePageSizeEndsCleanly() {
        Log log = new Log(100);
        KeysetPages<Integer, Integer> pages = new KeysetPages<>(mark -> log.after(mark, 50), 50);

        assertEquals(100, pages.fetch(0, 200).size());
        assertTrue(pages.fetch(100, 50).isEmpty());
    }

    @Test
    void anEmptyLogHasNoRows() {
        KeysetPages<Integer, Integer> pages = new KeysetPages<>(mark -> new Log(0).after(mark, 50), 50);
        assertTrue(pages.fetch(0, 50).isEmpty());
    }
}
