package dev.payhooks.admin.eventlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a keyset-paged source ("the page after this mark") into the offset/limit fetches a
 * lazy grid makes. The mark where each page starts is remembered, so scrolling on asks the
 * database for the next page by key, never with an OFFSET that grows with the log. A jump far
 * ahead walks the pages in between once. Recently read pages are kept, as the grid often asks
 * for overlapping ranges. One instance per filter: a new filter starts a new one.
 */
public final class KeysetPages<T, M> {

    /** A page of rows and the mark after its last row (empty at the end). */
    public record Page<T, M>(List<T> rows, Optional<M> next) { }

    private static final int KEPT_PAGES = 20;

    private final Function<Optional<M>, Page<T, M>> source;
    private final int pageSize;
    private final Map<Integer, Optional<M>> startOf = new HashMap<>();
    private final Map<Integer, List<T>> kept = new LinkedHashMap<>(KEPT_PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > KEPT_PAGES;
        }
    };
    private int lastPage = Integer.MAX_VALUE;

    /** {@code source} answers at most {@code pageSize} rows after the given mark (none: from the start). */
    public KeysetPages(Function<Optional<M>, Page<T, M>> source, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.source = source;
        this.pageSize = pageSize;
        startOf.put(0, Optional.empty());
    }

    /** Rows {@code offset} to {@code offset + limit - 1}, fewer at the end. */
    public synchronized List<T> fetch(int offset, int limit) {
        List<T> rows = new ArrayList<>();
        int end = offset + limit;
        for (int page = offset / pageSize; page * pageSize < end; page++) {
            List<T> pageRows = page(page);
            if (pageRows == null) {
                break;
            }
            int pageStart = page * pageSize;
            int from = Math.max(offset - pageStart, 0);
            int to = Math.min(end - pageStart, pageRows.size());
            if (from < to) {
                rows.addAll(pageRows.subList(from, to));
            }
            if (pageRows.size() < pageSize) {
                break;
            }
        }
        return rows;
    }

    private List<T> page(int index) {
        List<T> cached = kept.get(index);
        if (cached != null) {
            return cached;
        }
        if (index > lastPage) {
            return null;
        }
        if (!startOf.containsKey(index)) {
            int known = index - 1;
            while (!startOf.containsKey(known)) {
                known--;
            }
            for (int walk = known; walk < index; walk++) {
                if (page(walk) == null || !startOf.containsKey(walk + 1)) {
                    return null;
                }
            }
        }
        Page<T, M> page = source.apply(startOf.get(index));
        List<T> rows = List.copyOf(page.rows());
        if (rows.isEmpty() && index > 0) {
            lastPage = index - 1;
            return null;
        }
        kept.put(index, rows);
        if (page.next().isPresent() && rows.size() == pageSize) {
            startOf.put(index + 1, page.next());
        } else {
            lastPage = index;
        }
        return rows;
    }
}
