package dev.payhooks.domain.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} in a list, for tests; pages like the database (newest first: time, then id, descending). */
public class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    /** A recorder writing here as {@code actor}, with sequential ids and the given clock's time. */
    public AuditRecorder recorder(CurrentActor actor, java.time.Clock clock) {
        return new AuditRecorder(this, actor, new dev.payhooks.domain.port.SequentialIds(), clock);
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized Page newest(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        List<AuditEntry> matching = entries.stream()
            .filter(e -> e.merchantId().equals(merchantId))
            .filter(e -> contains(e.actor(), filter.actor()) && contains(e.action(), filter.action())
                && contains(e.subject(), filter.subject()))
            .filter(e -> filter.from().map(from -> !e.at().isBefore(from)).orElse(true)
                && filter.to().map(to -> e.at().isBefore(to)).orElse(true))
            .filter(e -> after.map(c -> e.at().isBefore(c.at()) || e.at().equals(c.at()) && e.id().compareTo(c.id()) < 0)
                .orElse(true))
            .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed())
            .limit(limit + 1L)
            .toList();
        List<AuditEntry> page = matching.size() > limit ? matching.subList(0, limit) : matching;
        Optional<Cursor> next = matching.size() > limit
            ? Optional.of(new Cursor(page.get(page.size() - 1).at(), page.get(page.size() - 1).id())) : Optional.empty();
        return new Page(page, next);
    }

    private static boolean contains(String value, Optional<String> part) {
        return part.map(p -> value.toLowerCase(java.util.Locale.ROOT).contains(p.toLowerCase(java.util.Locale.ROOT))).orElse(true);
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
