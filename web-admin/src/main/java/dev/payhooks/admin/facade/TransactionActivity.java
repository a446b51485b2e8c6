package dev.payhooks.admin.facade;

import java.util.List;

/**
 * Transaction volume and success per day over a window, oldest day first, every day present.
 * {@code complete} is false when the window held more transactions than the dashboard reads
 * (the newest ones are counted, older days stop short).
 */
public record TransactionActivity(List<DailyActivity> days, boolean complete) {

    public TransactionActivity {
        days = List.copyOf(days);
    }
}
