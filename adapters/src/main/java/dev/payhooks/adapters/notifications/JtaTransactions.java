package dev.payhooks.adapters.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** {@link NotificationEndpoint.Transactions} on the container's JTA transactions. */
@ApplicationScoped
public class JtaTransactions implements NotificationEndpoint.Transactions {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
