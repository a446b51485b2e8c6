package dev.payhooks.domain.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link InboundActivity} in a list, for tests of code that uses the port. */
public class InMemoryInboundActivity implements InboundActivity {

    private record Stored(String merchantId, Arrival arrival) { }

    private final List<Stored> stored = new ArrayList<>();

    public synchronized void add(String merchantId, Arrival arrival) {
        stored.add(new Stored(merchantId, arrival));
    }

    @Override
    public synchronized List<Arrival> since(String merchantId, Instant since, int max) {
        return stored.stream().filter(s -> s.merchantId().equals(merchantId)).map(Stored::arrival)
            .filter(a -> !a.receivedAt().isBefore(since))
            .sorted(Comparator.comparing(Arrival::receivedAt).reversed()).limit(max).toList();
    }
}
