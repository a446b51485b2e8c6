package dev.payhooks.sandbox.walley;

import dev.payhooks.adapters.walley.WalleyClient;
import dev.payhooks.adapters.walley.WalleyFailureReason;
import dev.payhooks.adapters.api.ApiError;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.application.channels.ManageChannels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Optional;

/**
 * Walley's test-only customer-token failure simulation, for the calling merchant's channel:
 * {@code POST /api/v1/channels/{slug}/walley/customer-token-failures} with
 * {@code {"customerToken": "…", "reason": "NoFunds"}} (either spelling) sets a failure,
 * {@code "reason": null} clears it. Refused in production mode.
 */
@Path("v1/channels/{slug}/walley/customer-token-failures")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Walley testing", description = "Test-only Walley operations (sandbox mode)")
@SecurityRequirement(name = "apiKey")
public class WalleyTestingResource {

    @Inject
    ManageChannels channels;

    @Inject
    Secrets secrets;

    @Inject
    WalleyClient walley;

    @Inject
    HubMode mode;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or clear a simulated authorization failure for a Walley customer token",
        description = "Body: {\"customerToken\": \"…\", \"reason\": \"Expired|Refused|ServiceUnavailable|NoFunds|Declined\" "
            + "(or the webhook codes) | null}. Walley's test environment then fails the token's authorizations.")
    @APIResponse(responseCode = "200", description = "Walley accepted it")
    @APIResponse(responseCode = "403", description = "Production mode: test-only operations are refused")
    @APIResponse(responseCode = "404", description = "No such channel, no Walley configuration, or Walley does not know the token")
    @APIResponse(responseCode = "502", description = "Walley refused the credentials, is unavailable, or answered an error")
    public Response simulate(@PathParam("slug") String slug, InputStream body) {
        if (mode.production()) {
            throw new ApiProblem(403, "The customer-token failure simulation is test-only and refused in production mode");
        }
        JsonBody json = JsonBody.read(body).allowOnly("customerToken", "reason");
        String customerToken = json.requiredString("customerToken").strip();
        if (customerToken.isEmpty() || customerToken.length() > 200 || customerToken.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("customerToken", "must be 1-200 printable characters");
        }
        JsonValue given = json.object().get("reason");
        Optional<WalleyFailureReason> reason;
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            reason = Optional.empty();
        } else if (given instanceof JsonString text) {
            reason = Optional.of(WalleyFailureReason.of(text.getString()));
        } else {
            throw new InvalidField("reason", "must be a string or null");
        }
        String merchant = security.getUserPrincipal().getName();
        ProviderSettings settings = channels.providerSettings(merchant, slug, ProviderId.WALLEY);
        ProviderConfiguration configuration = new ProviderConfiguration(settings, secrets);
        boolean webhookSpelling = "WEBHOOK".equals(configuration.value("failureReasonSpelling").orElse("SEED"));
        Optional<String> sent = reason.map(r -> r.spelled(webhookSpelling));
        try {
            String requestId = walley.simulateAuthorizationFailure(configuration, customerToken, sent);
            JsonObjectBuilder answer = JSON.createObjectBuilder().add("customerToken", customerToken);
            sent.ifPresentOrElse(r -> answer.add("reason", r), () -> answer.addNull("reason"));
            return Response.ok(answer.add("walleyRequestId", requestId).build()).build();
        } catch (WalleyClient.WalleyCallFailed failed) {
            int status = failed.status() == 404 ? 404 : 502;
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder()
                    .add("error", status == 404 ? ApiError.codeFor(404) : "bad_gateway")
                    .add("message", failed.getMessage())
                    .build())
                .build();
        }
    }
}
