package dev.payhooks.admin.dashboard;

import java.util.List;

/** Transaction volume and success per day over a window, oldest day first, every day present. */
public record TransactionActivity(List<DailyActivity> days) {

    public TransactionActivity {
        days = List.copyOf(days);
    }
}
