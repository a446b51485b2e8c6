package dev.payhooks.domain.port;

import dev.payhooks.domain.error.InvalidField;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stand-in for the DNS-based SSRF guard: refuses the hosts it is given, records what it checked. */
public class FakeUrlPolicy implements OutboundUrlPolicy {

    private final Set<String> refusedHosts;
    private final List<URI> checked = new ArrayList<>();

    public FakeUrlPolicy(String... refusedHosts) {
        this.refusedHosts = Set.of(refusedHosts);
    }

    @Override
    public synchronized void check(URI url) {
        checked.add(url);
        if (refusedHosts.contains(url.getHost())) {
            throw new InvalidField("url", "resolves to an address the hub may not call");
        }
    }

    public synchronized List<URI> checked() {
        return List.copyOf(checked);
    }
}
