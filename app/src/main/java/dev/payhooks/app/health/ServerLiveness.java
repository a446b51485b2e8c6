package dev.payhooks.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.payhooks.adapters.api.HubMode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers; tells the mode it runs in. */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    @Inject
    HubMode mode;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("payhooks").up().withData("mode", mode.production() ? "production" : "sandbox").build();
    }
}
