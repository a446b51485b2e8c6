package dev.payhooks.adapters.management;

import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Saleor instances the calling merchant's Saleor apps are installed in. Removing one lets
 * that Saleor install another app (a registration by another app id is refused while it exists).
 * The app token and the keys are never answered.
 */
@Path("v1/saleor-installations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Saleor installations", description = "Saleor instances the Saleor payment apps are installed in")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class SaleorInstallationsResource extends ManagementResource {

    @Inject
    ManageSaleorInstallations installations;

    @GET
    @Operation(summary = "List the Saleor installations (provider, API URL, app id; never the token)")
    public JsonArray list() {
        return arrayOf(installations.list(caller.merchantId()), SaleorInstallationsResource::json);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Remove a Saleor installation (audited); its Saleor may then install an app anew")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such installation")
    public Response remove(@PathParam("id") String id) {
        installations.remove(caller.caller(), id);
        return Response.noContent().build();
    }

    static JsonObject json(SaleorInstallation installation) {
        return JSON.createObjectBuilder()
            .add("id", installation.id())
            .add("provider", installation.provider().slug())
            .add("apiUrl", installation.apiUrl())
            .add("appId", installation.appId())
            .add("installedAt", installation.installedAt().toString())
            .add("updatedAt", installation.updatedAt().toString())
            .build();
    }
}
