package dev.payhooks.adapters.management;

import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.usecase.ManageSignatureKeys;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The merchant's Signature Key (the secret behind "Signature: Signature Key"). Revealing it
 * through the API needs only the API key: whoever holds that key acts as the merchant anyway.
 * The admin UI asks for the second factor first.
 */
@Path("v1/signature-key")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class SignatureKeyResource {

    @Inject
    ManageSignatureKeys keys;

    @Context
    SecurityContext security;

    private String merchant() {
        return security.getUserPrincipal().getName();
    }

    @GET
    @Transactional
    @Operation(summary = "Reveal the merchant's signature key (created on first use)")
    public Response reveal() {
        SignatureKey key = keys.ensure(merchant());
        return noStore(json(key, keys.reveal(merchant()).reveal()));
    }

    @POST
    @Path("rotate")
    @Transactional
    @Operation(summary = "Rotate the signature key", description = "Deliveries are signed with both keys for the next 24 hours.")
    public Response rotate() {
        keys.ensure(merchant());
        SignatureKey key = keys.rotate(merchant());
        return noStore(json(key, keys.reveal(merchant()).reveal()));
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
