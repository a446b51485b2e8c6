package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.domain.error.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.regex.Pattern;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * The public keys receivers verify Ed25519 ({@code v1a}) deliveries with, as a JWK Set
 * (RFC 7517, OKP keys of RFC 8037): the merchant's current key, and during the 24 h after a
 * rotation the previous one too. Public keys are no secret, so the set needs no API key.
 */
@Path("webhook-keys/{merchantId}/jwks.json")
@PublicEndpoint("publishes public keys only: receivers fetch them to verify Ed25519 webhook signatures")
@Produces("application/jwk-set+json")
@RequestScoped
@Tag(name = "Webhooks")
public class WebhookKeysResource {

    /** How long receivers may keep the set: well inside the 24 h both keys of a rotation are published. */
    static final int MAX_AGE_SECONDS = 300;
    private static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    @Inject
    ManageAsymmetricSigningKeys keys;

    @GET
    @Transactional
    @Operation(summary = "The merchant's Ed25519 public keys as a JWK Set",
        description = "Keys are listed newest first; each delivery's webhook-signature holds one v1a entry per listed key.")
    @APIResponse(responseCode = "200", description = "{\"keys\": [{\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"x\", \"kid\", \"use\": \"sig\", \"alg\": \"EdDSA\"}]}")
    @APIResponse(responseCode = "404", description = "No merchant with this id signs with Ed25519")
    public Response jwks(@PathParam("merchantId") String merchantId) {
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            throw new ApiProblem(404, "No Ed25519 keys at this URL");
        }
        List<ManageAsymmetricSigningKeys.PublishedKey> published;
        try {
            published = keys.published(merchantId);
        } catch (NotFound none) {
            throw new ApiProblem(404, "No Ed25519 keys at this URL");
        }
        JsonArrayBuilder set = JSON.createArrayBuilder();
        for (ManageAsymmetricSigningKeys.PublishedKey key : published) {
            set.add(JSON.createObjectBuilder()
                .add("kty", "OKP").add("crv", "Ed25519").add("x", key.publicKey())
                .add("kid", key.keyId()).add("use", "sig").add("alg", "EdDSA"));
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(JSON.createObjectBuilder().add("keys", set).build().toString()).cacheControl(cache).build();
    }
}
