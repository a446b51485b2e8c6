package dev.payhooks.admin.facade;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A page of the event log and where the next one starts (keyset, not offset). */
public record EventPage(List<EventRow> rows, Optional<Mark> next) {

    /** The last row's position; the next page starts after it. */
    public record Mark(Instant createdAt, String eventId) { }

    public EventPage {
        rows = List.copyOf(rows);
    }
}
