package dev.payhooks.domain.port;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stand-in for the provider host policy: refuses the hosts it is given, records what it checked. */
public class FakeEndpointPolicy implements ProviderEndpointPolicy {

    private final Set<String> refusedHosts;
    private final List<String> checked = new ArrayList<>();

    public FakeEndpointPolicy(String... refusedHosts) {
        this.refusedHosts = Set.of(refusedHosts);
    }

    @Override
    public synchronized void check(ProviderId provider, String field, URI url) {
        checked.add(provider.slug() + " " + field + " " + url);
        if (refusedHosts.contains(url.getHost())) {
            throw new InvalidField(field, "host '" + url.getHost() + "' is not one of " + provider.displayName() + "'s API hosts");
        }
    }

    public synchronized List<String> checked() {
        return List.copyOf(checked);
    }
}
