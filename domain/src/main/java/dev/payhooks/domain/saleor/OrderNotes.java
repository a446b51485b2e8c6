package dev.payhooks.domain.saleor;

import java.util.List;

/** Order notes waiting for (or done with) Saleor. The caller owns the transaction. */
public interface OrderNotes {

    void add(OrderNote note);

    void update(OrderNote note);

    /** PENDING notes, oldest first. */
    List<OrderNote> pending(int limit);

    /** Every note of an order, oldest first (for tests and staff). */
    List<OrderNote> ofOrder(String orderId);
}
