package dev.payhooks.app.startup;

import dev.payhooks.adapters.outbound.ProviderEndpoints;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Says at startup, as a WARNING, which hosts the operator allows a provider's API URLs to name
 * beyond the provider's documented ones ({@code payhooks.<provider>.allowed-hosts}): the hub sends
 * the merchant's provider credentials there. A malformed setting stops the start ({@code DatabaseStartup}).
 */
@Startup
@Singleton
@DependsOn("DatabaseStartup")
public class ProviderHostsNotice {

    private static final Logger LOG = Logger.getLogger(ProviderHostsNotice.class.getName());

    @Inject
    ProviderEndpoints endpoints;

    @PostConstruct
    void announce() {
        endpoints.overrides().forEach((provider, hosts) -> LOG.warning(provider.displayName()
            + " API URLs may also name " + String.join(", ", hosts) + " (payhooks." + provider.slug()
            + ".allowed-hosts): the merchant's " + provider.displayName() + " credentials are sent to these hosts"));
    }
}
