package dev.payhooks.admin.dashboard;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.application.dashboard.DashboardQueries;
import dev.payhooks.application.transactions.TransactionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The dashboard's model: who is signed in, the merchant's recent transaction activity, what
 * needs attention and the last 24 hours' notifications and webhook attempts (counts only: the
 * lists behind them need the console's second factor).
 */
@ApplicationScoped
@Transactional
public class DashboardModel extends ConsoleModel {

    @Inject
    TransactionQueries transactions;
    @Inject
    DashboardQueries dashboard;

    public DashboardQueries.Attention attention() {
        return dashboard.attention(signedIn.merchantId());
    }

    /** How many of the merchant's transactions the reconciliation flagged for staff. */
    public long flaggedTransactions() {
        return transactions.needingAttention(signedIn.merchantId());
    }

    public List<DashboardQueries.Hour> activity() {
        return dashboard.activity(signedIn.merchantId());
    }

    /** Transactions created per UTC day over the last {@code days} days (today included); days without any show as zero. */
    public TransactionActivity transactionActivity(int days) {
        return new TransactionActivity(transactions.dailyActivity(signedIn.merchantId(), days).stream()
            .map(c -> new DailyActivity(c.day(), Math.toIntExact(c.created()), Math.toIntExact(c.succeeded()),
                Math.toIntExact(c.failed())))
            .toList());
    }
}
