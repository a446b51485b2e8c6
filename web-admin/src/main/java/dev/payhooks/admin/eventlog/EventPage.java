package dev.payhooks.admin.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A page of the event log and where the next one starts (keyset, not offset). */
public record EventPage(List<EventRow> rows, Optional<Mark> next) {

    /** Where a source (outbound events or inbound notifications) stands: after this row. */
    public record Position(Instant at, String id) { }

    /**
     * Where the next page starts in each source: after its position (none: from its newest row),
     * or nowhere when the source is exhausted.
     */
    public record Mark(Optional<Position> outbound, boolean outboundDone, Optional<Position> inbound, boolean inboundDone) {

        public static final Mark START = new Mark(Optional.empty(), false, Optional.empty(), false);
    }

    public EventPage {
        rows = List.copyOf(rows);
    }
}
