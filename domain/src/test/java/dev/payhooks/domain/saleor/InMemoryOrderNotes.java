package dev.payhooks.domain.saleor;

import java.util.ArrayList;
import java.util.List;

/** Test double of {@link OrderNotes}. */
public class InMemoryOrderNotes implements OrderNotes {

    private final List<OrderNote> notes = new ArrayList<>();

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
