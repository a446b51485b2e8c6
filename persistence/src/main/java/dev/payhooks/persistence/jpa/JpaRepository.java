package dev.payhooks.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every repository of this module does with its entity {@code E}: find it by key, store a
 * new one, load the stored one a caller means to change (refused when it changed meanwhile), query,
 * and cut keyset pages. The caller owns the transaction; writes are flushed at once, so a broken
 * constraint fails in the call that caused it, where the caller can tell why.
 */
public abstract class JpaRepository<E> {

    protected final EntityManager em;
    private final Class<E> type;

    protected JpaRepository(EntityManager em, Class<E> type) {
        this.em = em;
        this.type = type;
    }

    protected final Optional<E> find(Object key) {
        return Optional.ofNullable(em.find(type, key));
    }

    protected final void persist(E entity) {
        em.persist(entity);
        em.flush();
    }

    protected final void remove(E entity) {
        em.remove(entity);
        em.flush();
    }

    /**
     * The stored {@link VersionedEntity} at the version the caller read; {@code changedMeanwhile}
     * when it is gone or another transaction changed it since.
     */
    protected final E current(Object key, long readVersion, Supplier<? extends RuntimeException> changedMeanwhile) {
        E entity = em.find(type, key);
        if (!(entity instanceof VersionedEntity stored) || stored.version() != readVersion) {
            throw changedMeanwhile.get();
        }
        return entity;
    }

    /**
     * Flushes a change to an entity got from {@link #current}; {@code changedMeanwhile} when another
     * transaction committed a change to it after this one read it.
     */
    protected final void flushChange(Supplier<? extends RuntimeException> changedMeanwhile) {
        try {
            em.flush();
        } catch (OptimisticLockException committedMeanwhile) {
            throw changedMeanwhile.get();
        }
    }

    /** A query for {@code E}, with its parameters given as name, value, name, value… */
    protected final TypedQuery<E> query(String jpql, Object... namesAndValues) {
        TypedQuery<E> query = em.createQuery(jpql, type);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.setParameter((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    protected final Optional<E> first(String jpql, Object... namesAndValues) {
        return query(jpql, namesAndValues).getResultList().stream().findFirst();
    }

    protected final List<E> list(String jpql, Object... namesAndValues) {
        return query(jpql, namesAndValues).getResultList();
    }

    /** {@code limit}, refused when below 1. */
    protected static int atLeastOne(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return limit;
    }

    /** One page of a keyset-paged listing and the cursor of its last item, when another page follows. */
    public record Keyset<T, C>(List<T> items, Optional<C> next) {
    }

    /**
     * The page of at most {@code limit} items out of the {@code limit + 1} rows a query read (one
     * row more than asked tells whether another page follows).
     */
    protected static <T, C> Keyset<T, C> keyset(List<T> rows, int limit, Function<T, C> cursorOf) {
        if (rows.size() <= limit) {
            return new Keyset<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, limit);
        return new Keyset<>(page, Optional.of(cursorOf.apply(page.get(limit - 1))));
    }
}
