package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.OutboundUrlPolicy;

import java.net.URI;

/** The domain's URL policy, answered by the SSRF guard: a refused URL is an invalid {@code url} field. */
public final class SsrfUrlPolicy implements OutboundUrlPolicy {

    private final SsrfGuard guard;

    public SsrfUrlPolicy(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public void check(URI url) {
        try {
            guard.check(url);
        } catch (SsrfGuard.Refused refused) {
            throw new InvalidField("url", refused.getMessage());
        }
    }
}
