package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link OrderNotes} on JPA. The caller owns the transaction. */
public class JpaOrderNotes extends JpaRepository<OrderNoteEntity> implements OrderNotes {

    public JpaOrderNotes(EntityManager em) {
        super(em, OrderNoteEntity.class);
    }

    @Override
    public void add(OrderNote note) {
        OrderNoteEntity row = new OrderNoteEntity();
        row.id = note.id();
        row.apiUrl = note.apiUrl();
        row.provider = note.provider().slug();
        row.orderId = note.orderId();
        row.message = note.message();
        row.createdAt = note.createdAt();
        copy(note, row);
        persist(row);
    }

    @Override
    public void update(OrderNote note) {
        copy(note, find(note.id()).orElseThrow(() -> new IllegalStateException("order note " + note.id() + " is not stored")));
        em.flush();
    }

    @Override
    public List<OrderNote> pending(int limit) {
        return query("select n from OrderNoteEntity n where n.status = :pending order by n.createdAt, n.id",
                "pending", OrderNote.Status.PENDING.name()).setMaxResults(limit)
            .getResultStream().map(JpaOrderNotes::toDomain).toList();
    }

    @Override
    public List<OrderNote> claimPending(int limit, Instant now, Duration lease) {
        List<OrderNoteEntity> candidates = query("select n from OrderNoteEntity n where n.status = :pending"
                + " and (n.claimedUntil is null or n.claimedUntil < :now) order by n.createdAt, n.id",
                "pending", OrderNote.Status.PENDING.name(), "now", now)
            .setMaxResults(limit).getResultList();
        List<OrderNote> claimed = new ArrayList<>();
        for (OrderNoteEntity candidate : candidates) {
            // the conditional update decides between instances: only one sees its row count be 1
            int won = em.createQuery("update OrderNoteEntity n set n.claimedUntil = :until where n.id = :id"
                    + " and n.status = :pending and (n.claimedUntil is null or n.claimedUntil < :now)")
                .setParameter("until", now.plus(lease)).setParameter("id", candidate.id)
                .setParameter("pending", OrderNote.Status.PENDING.name()).setParameter("now", now)
                .executeUpdate();
            if (won == 1) {
                claimed.add(toDomain(candidate));
            }
        }
        return claimed;
    }

    @Override
    public List<OrderNote> ofOrder(String orderId) {
        return list("select n from OrderNoteEntity n where n.orderId = :order order by n.createdAt, n.id", "order", orderId)
            .stream().map(JpaOrderNotes::toDomain).toList();
    }

    private static void copy(OrderNote from, OrderNoteEntity to) {
        to.status = from.status().name();
        to.attempts = from.attempts();
        to.warning = from.warning();
        to.updatedAt = from.updatedAt();
    }

    private static OrderNote toDomain(OrderNoteEntity row) {
        return new OrderNote(row.id, row.apiUrl, ProviderId.fromSlug(row.provider), row.orderId, row.message,
            OrderNote.Status.valueOf(row.status), row.attempts, row.warning, row.createdAt, row.updatedAt);
    }
}
