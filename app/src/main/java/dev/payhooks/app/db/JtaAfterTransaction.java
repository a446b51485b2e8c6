package dev.payhooks.app.db;

import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.application.port.UnitOfWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Supplier;

/**
 * {@link RecentReads.AfterTransaction} on the container's JTA transaction: after it completes, whether committed or
 * not. A load outside any transaction gets one of its own.
 */
@ApplicationScoped
public class JtaAfterTransaction implements RecentReads.AfterTransaction {

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    UnitOfWork units;

    @Override
    public <T> T load(Supplier<T> load) {
        return registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? units.inNewTransaction(load) : load.get();
    }

    @Override
    public void run(Runnable action) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        afterCompletion(action);
    }

    /** One synchronization per transaction and key: the key is kept as a resource of the transaction. */
    @Override
    public void runOnce(Object key, Runnable action) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        if (registry.getResource(key) != null) {
            return;
        }
        registry.putResource(key, Boolean.TRUE);
        afterCompletion(action);
    }

    private void afterCompletion(Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
