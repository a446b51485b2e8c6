package dev.payhooks.app.wiring;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The HTTP API: provider endpoints, the management API and the Saleor app, under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Payhooks API", version = "0.1.0",
    description = "Payment webhook hub: Saleor payment app, provider notifications, outbound webhooks.",
    license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A merchant API key: Authorization: Bearer phk_…")
public class ApiApplication extends Application {
}
