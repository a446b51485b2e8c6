package dev.payhooks.app.db;

import dev.payhooks.application.cache.RecentReads;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link RecentReads.AfterTransaction} on the container's JTA transaction: after it completes, whether committed or not. */
@ApplicationScoped
public class JtaAfterTransaction implements RecentReads.AfterTransaction {

    @Resource
    TransactionSynchronizationRegistry registry;

    @Override
    public void run(Runnable action) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
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
