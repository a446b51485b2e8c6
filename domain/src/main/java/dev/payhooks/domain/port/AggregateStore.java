package dev.payhooks.domain.port;

/**
 * The writes a store port has for its aggregate: add a new one, store the changes of one it
 * handed out. The caller owns the transaction.
 *
 * @param <T> the aggregate
 */
public interface AggregateStore<T> {

    /** Adds a new one. */
    void add(T aggregate);

    /** Stores changes (optimistic locking: {@link dev.payhooks.domain.error.Conflict} if changed meanwhile). */
    void update(T aggregate);
}
