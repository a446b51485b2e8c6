package dev.payhooks.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers; tells the mode it runs in. */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "payhooks.mode", defaultValue = "sandbox")
    String mode;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("payhooks").up().withData("mode", mode).build();
    }
}
