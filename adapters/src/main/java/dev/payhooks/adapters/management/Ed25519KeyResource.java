package dev.payhooks.adapters.management;

import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.outbound.AsymmetricSigningKey;
import dev.payhooks.domain.outbound.SignatureKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * The merchant's Ed25519 key pair (the key behind "Signature: Ed25519"): its current public key,
 * where receivers fetch the key set, and rotation. The private key never leaves the hub.
 */
@Path("v1/ed25519-key")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class Ed25519KeyResource extends ManagementResource {

    @Inject
    ManageAsymmetricSigningKeys keys;

    @GET
    @Transactional
    @Operation(summary = "The merchant's Ed25519 public key and JWK Set URL (the pair is created on first use)")
    @APIResponse(responseCode = "200", description = "{\"keyId\", \"publicKey\", \"jwksUrl\", \"createdAt\", \"rotatedAt\"?, \"previousKeyValidUntil\"?}")
    public JsonObject show() {
        return json(keys.ensure(caller.merchantId()));
    }

    @POST
    @Path("rotate")
    @Transactional(dontRollbackOn = NotPermitted.class)
    @Operation(summary = "Rotate the Ed25519 key pair",
        description = "Deliveries are signed with both pairs, and both public keys are published, for the next 24 hours.")
    @APIResponse(responseCode = "403", description = "The caller may not change this merchant's configuration")
    public JsonObject rotate() {
        return json(keys.rotate(caller.caller()));
    }

    private JsonObject json(AsymmetricSigningKey key) {
        String path = "webhook-keys/" + key.merchantId() + "/jwks.json";
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("keyId", key.current().keyId())
            .add("publicKey", key.current().publicKey())
            .add("jwksUrl", apiUrl(path))
            .add("createdAt", key.createdAt().toString());
        key.rotatedAt().ifPresent(at -> json.add("rotatedAt", at.toString())
            .add("previousKeyValidUntil", at.plus(SignatureKey.PREVIOUS_KEY_VALIDITY).toString()));
        return json.build();
    }
}
