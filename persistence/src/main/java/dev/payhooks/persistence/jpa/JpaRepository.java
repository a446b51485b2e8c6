package dev.payhooks.persistence.jpa;

import dev.payhooks.domain.error.Conflict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every repository of this module does with its entity {@code E}: find it by key, store a
 * new one, change the stored one a caller read (refused when it changed meanwhile), claim rows
 * between instances, query, count, and cut keyset pages. The caller owns the transaction; writes
 * are flushed at once, so a broken constraint fails in the call that caused it, where the caller
 * can tell why.
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

    /** The stored entity of {@code key} when the merchant owns it. */
    protected final Optional<E> findOf(String merchantId, Object key, Function<? super E, String> merchantOf) {
        return find(key).filter(entity -> merchantOf.apply(entity).equals(merchantId));
    }

    protected final void persist(E entity) {
        em.persist(entity);
        em.flush();
    }

    /**
     * Stores a new entity under {@code key}; {@code taken} when one is stored under it already. The
     * look-up gives the usual case a clear refusal; two stores racing meet the primary key, and the
     * one that loses gets {@code taken} too, not a database error (its transaction is left to roll
     * back, as after any failed flush).
     */
    protected final void store(Object key, E entity, Supplier<? extends RuntimeException> taken) {
        if (find(key).isPresent()) {
            throw taken.get();
        }
        try {
            persist(entity);
        } catch (PersistenceException failed) {
            if (isUniqueViolation(failed)) {
                RuntimeException refusal = taken.get();
                refusal.addSuppressed(failed);
                throw refusal;
            }
            throw failed;
        }
    }

    /** A unique or primary key violated anywhere in the failure's causes. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && TransactionConnection.isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
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
     * Changes the stored entity the caller read at {@code readVersion} and flushes the change;
     * {@code changedMeanwhile} when the entity is gone, was changed since that read, or another
     * transaction commits a change to it before this one flushes.
     */
    protected final E change(Object key, long readVersion, Supplier<? extends RuntimeException> changedMeanwhile,
                             Consumer<? super E> change) {
        E entity = current(key, readVersion, changedMeanwhile);
        change.accept(entity);
        try {
            em.flush();
        } catch (OptimisticLockException committedMeanwhile) {
            throw changedMeanwhile.get();
        }
        return entity;
    }

    /** The refusal of a change to {@code what} when it was changed since the caller read it, or removed. */
    protected static Supplier<Conflict> changedMeanwhile(String what) {
        return () -> new Conflict(what + " was changed or removed meanwhile");
    }

    /** Changes the stored entity of {@code key}, a row without a version, and flushes; {@code missing} when none is stored. */
    protected final void changeStored(Object key, Supplier<? extends RuntimeException> missing, Consumer<? super E> change) {
        change.accept(find(key).orElseThrow(missing));
        em.flush();
    }

    /**
     * The candidates this instance wins. For each, the conditional {@code update} (its {@code :id}
     * bound to the candidate's id, its other parameters given as name, value…) decides between
     * instances: only one sees its row count be 1.
     */
    protected final List<E> claimed(List<E> candidates, Function<? super E, ?> idOf, String update, Object... namesAndValues) {
        List<E> won = new ArrayList<>();
        for (E candidate : candidates) {
            if (Jpql.bind(em.createQuery(update), namesAndValues).setParameter("id", idOf.apply(candidate)).executeUpdate() == 1) {
                won.add(candidate);
            }
        }
        return won;
    }

    /** A query for {@code E}, with its parameters given as name, value, name, value… */
    protected final TypedQuery<E> query(String jpql, Object... namesAndValues) {
        return Jpql.bind(em.createQuery(jpql, type), namesAndValues);
    }

    /** A built query for {@code E}. */
    protected final TypedQuery<E> query(Jpql jpql) {
        return jpql.query(em, type);
    }

    /** The first result of a query for {@code E}, as {@code as} makes it. */
    protected final <T> Optional<T> first(Function<? super E, T> as, String jpql, Object... namesAndValues) {
        return query(jpql, namesAndValues).getResultList().stream().findFirst().map(as);
    }

    /** The results of a query for {@code E}, as {@code as} makes them. */
    protected final <T> List<T> list(Function<? super E, T> as, String jpql, Object... namesAndValues) {
        return query(jpql, namesAndValues).getResultList().stream().map(as).toList();
    }

    /** At most {@code limit} results of a query for {@code E}, as {@code as} makes them. */
    protected final <T> List<T> list(Function<? super E, T> as, int limit, String jpql, Object... namesAndValues) {
        return query(jpql, namesAndValues).setMaxResults(limit).getResultStream().map(as).toList();
    }

    /** How many entities {@code E} there are. */
    protected final long countAll() {
        return count("select count(e) from " + type.getSimpleName() + " e");
    }

    /** The result of a {@code select count(…)} query, with its parameters given as name, value… */
    protected final long count(String jpql, Object... namesAndValues) {
        return Jpql.bind(em.createQuery(jpql, Long.class), namesAndValues).getSingleResult();
    }

    /** Runs a bulk {@code update} or {@code delete}, with its parameters given as name, value…; how many rows it changed. */
    protected final int executeUpdate(String jpql, Object... namesAndValues) {
        return Jpql.bind(em.createQuery(jpql), namesAndValues).executeUpdate();
    }

    /** {@code limit}, refused when below 1. */
    public static int atLeastOne(int limit) {
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
