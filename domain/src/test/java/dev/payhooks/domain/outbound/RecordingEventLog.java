package dev.payhooks.domain.outbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link EventLog} for tests of code that asks it for deliveries: it answers with the
 * deliveries given per merchant and records every filter it was asked with. Searches find nothing.
 */
public class RecordingEventLog implements EventLog {

    private final Map<String, List<Delivery>> deliveries = new HashMap<>();
    private final List<Filter> asked = new ArrayList<>();

    /** What {@link #deliveries} answers for the merchant, whatever the filter. */
    public synchronized RecordingEventLog answering(String merchantId, List<Delivery> found) {
        deliveries.put(merchantId, List.copyOf(found));
        return this;
    }

    /** The filters {@link #deliveries} was asked with, in order. */
    public synchronized List<Filter> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        return new Page(List.of(), Optional.empty());
    }

    @Override
    public synchronized List<Delivery> deliveries(String merchantId, Filter filter, int max) {
        asked.add(filter);
        return deliveries.getOrDefault(merchantId, List.of());
    }

    @Override
    public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, Set<String> eventTypes, Filter filter,
                                        int max) {
        return List.of();
    }
}
