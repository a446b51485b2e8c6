package dev.payhooks.domain.saleor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Order notes waiting for (or done with) Saleor. The caller owns the transaction. */
public interface OrderNotes {

    void add(OrderNote note);

    void update(OrderNote note);

    /** PENDING notes, oldest first. */
    List<OrderNote> pending(int limit);

    /**
     * PENDING notes that no one holds, oldest first, each now held by the caller until
     * {@code now + lease}: of several instances asking at once, one gets each note. A note
     * that was not taken waits for its lease to end before it is tried again.
     */
    List<OrderNote> claimPending(int limit, Instant now, Duration lease);

    /** Every note of an order, oldest first (for tests and staff). */
    List<OrderNote> ofOrder(String orderId);
}
