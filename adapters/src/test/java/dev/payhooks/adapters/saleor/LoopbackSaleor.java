package dev.payhooks.adapters.saleor;

import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.ProviderGate;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** A Saleor client as sandbox mode builds it: its guard lets calls reach the fake Saleors on loopback. */
public final class LoopbackSaleor {

    private LoopbackSaleor() {
    }

    public static SaleorApiClient client(Duration timeout) {
        return new SaleorApiClient(timeout, ProviderGate.guardFor(false, List.of(), InetAddress::getAllByName),
            PinnedHttpTransport.withDefaultTrust("Payhooks-test"));
    }
}
