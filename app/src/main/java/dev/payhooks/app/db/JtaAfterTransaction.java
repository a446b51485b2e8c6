package dev.payhooks.app.db;

import dev.payhooks.application.channels.ChannelCache;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link ChannelCache.AfterTransaction} on the container's JTA transaction: after it completes, whether committed or not. */
@ApplicationScoped
public class JtaAfterTransaction implements ChannelCache.AfterTransaction {

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
