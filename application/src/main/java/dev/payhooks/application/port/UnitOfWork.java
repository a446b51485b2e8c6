package dev.payhooks.application.port;

import java.util.function.Supplier;

/**
 * A database transaction of its own, committed when the work returns and rolled back when it
 * throws. The Saleor handlers call providers between such units, never inside one, so no lock
 * is held while NP Atobarai or Saleor is slow.
 */
public interface UnitOfWork {

    <T> T inNewTransaction(Supplier<T> work);

    /** Work that returns nothing, in a transaction of its own. */
    default void runInNewTransaction(Runnable work) {
        inNewTransaction(() -> {
            work.run();
            return null;
        });
    }
}
