package dev.payhooks.domain.port;

import java.net.URI;

/**
 * Whether the hub may send requests to a URL at all: the SSRF guard. The implementation
 * resolves the host and refuses loopback, private, link-local, CGNAT, metadata and
 * unique-local addresses unless an admin allow-list permits them. The domain checks only
 * the URL's syntax; this port owns everything that needs the network.
 */
public interface OutboundUrlPolicy {

    /** Returns when the URL may be used; throws {@link dev.payhooks.domain.error.InvalidField} for field {@code url} otherwise. */
    void check(URI url);
}
