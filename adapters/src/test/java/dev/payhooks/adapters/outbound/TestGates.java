package dev.payhooks.adapters.outbound;

import dev.payhooks.adapters.outbound.TestGates;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Provider gates for tests: sandbox mode (loopback simulators reachable) with the system's DNS. */
public final class TestGates {

    private TestGates() {
    }

    public static ProviderGate sandbox() {
        return new ProviderGate(new ProviderEndpoints(false, Map.of(), Set.of()),
            ProviderGate.guardFor(false, List.of(), InetAddress::getAllByName),
            PinnedHttpTransport.withDefaultTrust("Payhooks-test"));
    }
}
