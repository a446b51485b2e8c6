package dev.payhooks.persistence.saleor;

import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the repositories of the calls the hub owes Saleor share: storing how a stored call went,
 * and claiming pending calls between instances.
 */
abstract class JpaSaleorCalls<E extends SaleorCallEntity> extends JpaRepository<E> {

    private final String entity;
    private final String what;
    private final String pending;

    /** {@code what} names one call in messages; {@code pending} is the status of a call still to be made. */
    JpaSaleorCalls(EntityManager em, Class<E> type, String what, Enum<?> pending) {
        super(em, type);
        this.entity = type.getSimpleName();
        this.what = what;
        this.pending = pending.name();
    }

    /** Applies {@code copy} to the stored call {@code id}; one that is not stored is the caller's mistake. */
    final void progress(String id, Consumer<? super E> copy) {
        changeStored(id, () -> new IllegalStateException(what + " " + id + " is not stored"), copy);
    }

    /**
     * The pending calls this instance claims, at most {@code limit}, oldest first: those that
     * {@code claimable} (a condition on {@code c} with the parameters {@code :pending} and
     * {@code :now}) allows, each one claimed by {@code claim} (assignments to {@code c} with the
     * parameter {@code :until}) while it is still claimable.
     */
    final List<E> claim(String claimable, String claim, int limit, Instant now, Instant until) {
        List<E> candidates = query("select c from " + entity + " c where " + claimable + " order by c.createdAt, c.id",
            "pending", pending, "now", now).setMaxResults(limit).getResultList();
        return claimed(candidates, c -> c.id, "update " + entity + " c set " + claim + " where c.id = :id and " + claimable,
            "until", until, "pending", pending, "now", now);
    }
}
