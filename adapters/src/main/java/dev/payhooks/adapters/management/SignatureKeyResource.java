package dev.payhooks.adapters.management;

import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.access.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The merchant's Signature Key (the secret behind "Signature: Signature Key"). The use case
 * decides who may see it ({@link Caller}: API keys carry no scopes, and each active key
 * of the merchant manages its webhooks in full, so each may) and audits every reveal and
 * refusal; a refusal is a 403 whose audit entry commits. The admin UI asks for the second
 * factor first.
 */
@Path("v1/signature-key")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class SignatureKeyResource extends ManagementResource {

    @Inject
    ManageSignatureKeys keys;

    @GET
    @Transactional(dontRollbackOn = NotPermitted.class)
    @Operation(summary = "Reveal the merchant's signature key (created on first use)",
        description = "Every reveal is recorded in the audit trail with the API key that asked.")
    @APIResponse(responseCode = "200", description = "The key; never cached")
    @APIResponse(responseCode = "403", description = "The caller may not manage this merchant's webhooks (recorded in the audit trail)")
    public Response reveal() {
        keys.requireMayReveal(caller.caller());
        SignatureKey key = keys.ensure(caller.merchantId());
        return noStore(json(key, keys.reveal(caller.caller()).reveal()));
    }

    @POST
    @Path("rotate")
    @Transactional(dontRollbackOn = NotPermitted.class)
    @Operation(summary = "Rotate the signature key", description = "Deliveries are signed with both keys for the next 24 hours.")
    @APIResponse(responseCode = "403", description = "The caller may not manage this merchant's webhooks (recorded in the audit trail)")
    public Response rotate() {
        keys.requireMayReveal(caller.caller());
        keys.ensure(caller.merchantId());
        SignatureKey key = keys.rotate(caller.caller());
        return noStore(json(key, keys.reveal(caller.caller()).reveal()));
    }

    private static JsonObject json(SignatureKey key, String secret) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("key", secret).add("createdAt", key.createdAt().toString());
        key.rotatedAt().ifPresent(at -> json.add("rotatedAt", at.toString())
            .add("previousKeyValidUntil", at.plus(SignatureKey.PREVIOUS_KEY_VALIDITY).toString()));
        return json.build();
    }

    private static Response noStore(JsonObject body) {
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        never.setNoCache(true);
        return Response.ok(body).cacheControl(never).build();
    }
}
