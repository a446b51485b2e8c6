package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.application.apikeys.ManageApiKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The calling merchant's API keys. The key itself is shown once, when it is issued. */
@Path("v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "API keys", description = "Keys to this API; a key also serves as a Source Key for webhook signatures")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class ApiKeysResource extends ManagementResource {

    @Inject
    ManageApiKeys apiKeys;

    @GET
    @Operation(summary = "List API keys (never the keys themselves)")
    public JsonArray list() {
        return arrayOf(apiKeys.list(caller.merchantId()), k -> keyJson(k).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Issue a new API key", description = "Body: {\"label\": \"...\"}. The response holds the key once.")
    @APIResponse(responseCode = "201", description = "Issued; `key` is shown only in this response")
    public Response issue(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("label");
        ManageApiKeys.IssuedKey issued = apiKeys.issue(caller.caller(), json.requiredString("label"));
        return created(issued.key().id(), keyJson(issued.key()).add("key", issued.plaintext()).build());
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revoke an API key")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public Response revoke(@PathParam("id") String id) {
        apiKeys.revoke(caller.caller(), id);
        return Response.noContent().build();
    }

    static JsonObjectBuilder keyJson(ApiKey key) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", key.id())
            .add("label", key.label())
            .add("prefix", key.displayPrefix())
            .add("active", key.active())
            .add("createdAt", key.createdAt().toString());
        key.revokedAt().ifPresent(at -> json.add("revokedAt", at.toString()));
        return json;
    }
}
