package dev.payhooks.admin.dashboard;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.application.transactions.TransactionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The dashboard's model: who is signed in, and the merchant's recent transaction activity. */
@ApplicationScoped
@Transactional
public class DashboardModel extends ConsoleModel {

    @Inject
    TransactionQueries transactions;

    /** Transactions created per UTC day over the last {@code days} days (today included); days without any show as zero. */
    public TransactionActivity transactionActivity(int days) {
        return new TransactionActivity(transactions.dailyActivity(signedIn.merchantId(), days).stream()
            .map(c -> new DailyActivity(c.day(), Math.toIntExact(c.created()), Math.toIntExact(c.succeeded()),
                Math.toIntExact(c.failed())))
            .toList());
    }
}
