package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link OrderNotes} on JPA. The caller owns the transaction. */
public class JpaOrderNotes extends JpaSaleorCalls<OrderNote, OrderNoteEntity> implements OrderNotes {

    private static final String PENDING = OrderNote.Status.PENDING.name();

    public JpaOrderNotes(EntityManager em) {
        super(em, OrderNoteEntity.class, "order note", OrderNote.Status.PENDING);
    }

    @Override
    OrderNoteEntity newRow(OrderNote note) {
        OrderNoteEntity row = new OrderNoteEntity();
        row.orderId = note.orderId();
        row.message = note.message();
        return row;
    }

    @Override
    void copyProgress(OrderNote from, OrderNoteEntity to) {
        to.warning = from.warning();
    }

    @Override
    public List<OrderNote> pending(int limit) {
        return list(JpaOrderNotes::toDomain, limit, "select n from OrderNoteEntity n where n.status = :pending order by n.createdAt, n.id",
            "pending", PENDING);
    }

    @Override
    public List<OrderNote> claimPending(int limit, Instant now, Duration lease) {
        return claim("c.status = :pending and (c.claimedUntil is null or c.claimedUntil < :now)", "c.claimedUntil = :until",
            limit, now, now.plus(lease)).stream().map(JpaOrderNotes::toDomain).toList();
    }

    @Override
    public List<OrderNote> ofOrder(String orderId) {
        return list(JpaOrderNotes::toDomain, "select n from OrderNoteEntity n where n.orderId = :order order by n.createdAt, n.id",
            "order", orderId);
    }

    private static OrderNote toDomain(OrderNoteEntity row) {
        return new OrderNote(row.id, row.apiUrl, ProviderId.fromSlug(row.provider), row.orderId, row.message,
            OrderNote.Status.valueOf(row.status), row.attempts, row.warning, row.createdAt, row.updatedAt);
    }
}
