package dev.payhooks.domain.saleor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link WebhookReplies}: first claim wins, like the unique key. */
public class InMemoryWebhookReplies implements WebhookReplies {

    private record Row(Instant claimedAt, String reply) { }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String scope, String key, Instant at) {
        Row existing = rows.putIfAbsent(scope + "|" + key, new Row(at, null));
        if (existing == null) {
            return new Claimed();
        }
        return existing.reply() != null ? new Answered(existing.reply()) : new InProgress(existing.claimedAt());
    }

    @Override
    public void complete(String scope, String key, String reply, Instant at) {
        rows.computeIfPresent(scope + "|" + key, (k, row) -> new Row(row.claimedAt(), reply));
    }

    @Override
    public void release(String scope, String key) {
        rows.computeIfPresent(scope + "|" + key, (k, row) -> row.reply() == null ? null : row);
    }

    public int size() {
        return rows.size();
    }
}
