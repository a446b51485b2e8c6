package dev.payhooks.domain.saleor;

import java.util.ArrayList;
import java.util.List;

/** Test double of {@link OrderNotes}. */
public class InMemoryOrderNotes implements OrderNotes {

    private final List<OrderNote> notes = new ArrayList<>();
    private final java.util.Map<String, java.time.Instant> claimedUntil = new java.util.HashMap<>();

    @Override
    public synchronized List<OrderNote> claimPending(int limit, java.time.Instant now, java.time.Duration lease) {
        List<OrderNote> claimed = notes.stream().filter(n -> n.status() == OrderNote.Status.PENDING)
            .filter(n -> !claimedUntil.containsKey(n.id()) || claimedUntil.get(n.id()).isBefore(now))
            .limit(limit).toList();
        claimed.forEach(n -> claimedUntil.put(n.id(), now.plus(lease)));
        return claimed;
    }

    @Override
    public synchronized void add(OrderNote note) {
        notes.add(note);
    }

    @Override
    public synchronized void update(OrderNote note) {
        // stored by reference
    }

    @Override
    public synchronized List<OrderNote> pending(int limit) {
        return notes.stream().filter(n -> n.status() == OrderNote.Status.PENDING).limit(limit).toList();
    }

    @Override
    public synchronized List<OrderNote> ofOrder(String orderId) {
        return notes.stream().filter(n -> n.orderId().equals(orderId)).toList();
    }
}
