package dev.payhooks.domain.port;

/**
 * The writes a store port has for its aggregate: add a new one, store the changes of one it
 * handed out. The caller owns the transaction.
 *
 * @param <T> the aggregate
 */
public interface AggregateStore<T> {

    void add(T aggregate);

    void update(T aggregate);
}
