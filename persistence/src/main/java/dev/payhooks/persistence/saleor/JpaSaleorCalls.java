package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.saleor.SaleorCall;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * What the repositories of the calls the hub owes Saleor share: storing a new call ({@code C})
 * as its row ({@code E}), storing how a stored call went, and claiming pending calls between
 * instances.
 */
abstract class JpaSaleorCalls<C extends SaleorCall<?>, E extends SaleorCallEntity> extends JpaRepository<E> {

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

    /** A new row for {@code call}, with what the call says from the start besides {@link SaleorCallEntity#open}. */
    abstract E newRow(C call);

    /** Copies what changes as the call is tried besides {@link SaleorCallEntity#progress}. */
    abstract void copyProgress(C from, E to);

    public final void add(C call) {
        E row = newRow(call);
        row.open(call);
        copy(call, row);
        persist(row);
    }

    /** Stores how the stored call went; one that is not stored is the caller's mistake. */
    public final void update(C call) {
        changeStored(call.id(), () -> new IllegalStateException(what + " " + call.id() + " is not stored"),
            row -> copy(call, row));
    }

    private void copy(C from, E to) {
        to.progress(from);
        copyProgress(from, to);
    }

    /**
     * The pending calls this instance claims, at most {@code limit}, oldest first: those that
     * {@code claimable} (a condition on {@code c} with the parameters {@code :pending} and
     * {@code :now}) allows, each one claimed by {@code claim} (assignments to {@code c} with the
     * parameter {@code :until}) while it is still claimable.
     */
    final List<E> claim(String claimable, String claim, int limit, Instant now, Instant until) {
        return claim(claimable, claim, pending, limit, now, until);
    }

    /** {@link #claim(String, String, int, Instant, Instant)} with {@code :pending} standing for {@code state}. */
    final List<E> claim(String claimable, String claim, String state, int limit, Instant now, Instant until) {
        List<E> candidates = query("select c from " + entity + " c where " + claimable + " order by c.createdAt, c.id",
            "pending", state, "now", now).setMaxResults(limit).getResultList();
        return claimed(candidates, c -> c.id, "update " + entity + " c set " + claim + " where c.id = :id and " + claimable,
            "until", until, "pending", state, "now", now);
    }
}
