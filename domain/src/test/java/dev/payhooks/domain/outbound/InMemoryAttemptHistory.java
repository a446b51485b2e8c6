package dev.payhooks.domain.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link AttemptHistory} in a list, for tests of code that uses the port. */
public class InMemoryAttemptHistory implements AttemptHistory {

    private record Stored(String merchantId, String subscriptionId, Attempt attempt) { }

    private final List<Stored> stored = new ArrayList<>();

    public synchronized void add(String merchantId, String subscriptionId, Attempt attempt) {
        stored.add(new Stored(merchantId, subscriptionId, attempt));
    }

    @Override
    public synchronized List<Attempt> of(String merchantId, String subscriptionId, Instant since, int max) {
        return read(merchantId, subscriptionId, since, max);
    }

    @Override
    public synchronized List<Attempt> ofMerchant(String merchantId, Instant since, int max) {
        return read(merchantId, null, since, max);
    }

    private List<Attempt> read(String merchantId, String subscriptionId, Instant since, int max) {
        return stored.stream()
            .filter(s -> s.merchantId().equals(merchantId) && (subscriptionId == null || s.subscriptionId().equals(subscriptionId)))
            .map(Stored::attempt)
            .filter(a -> !a.startedAt().isBefore(since))
            .sorted(Comparator.comparing(Attempt::startedAt).reversed())
            .limit(max)
            .toList();
    }
}
