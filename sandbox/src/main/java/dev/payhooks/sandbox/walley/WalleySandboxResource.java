package dev.payhooks.sandbox.walley;

import dev.payhooks.adapters.walley.WalleyFailureReason;
import dev.payhooks.adapters.walley.WalleyNotifications;
import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.sandbox.ChannelNotifications;
import dev.payhooks.sandbox.Simulators;
import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.ProviderConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Walley in sandbox mode (404 in production): an OAuth token endpoint, a checkout
 * that creates a customer token and sends {@code walley:order:created} (OnHold) to the hub, and
 * the customer-token failure simulation, which then sends the matching
 * {@code walley:authorization:retrying} or {@code …:failed} webhook, signed and authenticated as
 * the channel expects. The failure simulation's errors can be provoked: a bearer token Walley does
 * not know is 401, a customer token it does not know 404, and {@link #fault} makes the next calls
 * for one customer token answer 401 (as if the bearer token had expired) or 503 (Walley's internal
 * error). Point a channel's {@code authBaseUrl} and {@code apiBaseUrl} at
 * {@code {hub}/sandbox/walley} (forwarded to {@code /api/sandbox/walley}). State lives in memory and is lost on restart.
 */
@Path("sandbox/walley")
@PublicEndpoint("Walley simulator: sandbox mode only, acts on a channel through its endpoint key")
@ApplicationScoped
@Tag(name = "Sandbox: Walley", description = "Simulated Walley (sandbox mode only)")
public class WalleySandboxResource {

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private record Checkout(String endpointKey, String reference, String orderId, String authorizationId, int attempts) { }

    @Inject
    HubMode mode;

    @Inject
    ChannelNotifications hub;

    @Inject
    Clock clock;

    private final Map<String, Instant> bearerTokens = new ConcurrentHashMap<>();
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** The next {@code remaining} customer-token calls for a token answer {@code status}. */
    private record Fault(int status, int remaining) { }

    @POST
    @Path("oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth client-credentials token (sandbox)")
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret) {
        Simulators.requireSandbox(mode);
        if (!"client_credentials".equals(grantType) || clientId == null || clientId.isBlank()
                || clientSecret == null || clientSecret.isBlank()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"invalid_request\",\"message\":\"grant_type=client_credentials, client_id and client_secret are required\"}")
                .build();
        }
        String token = "sbx_" + UUID.randomUUID().toString().replace("-", "");
        bearerTokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        return Response.ok(JSON.createObjectBuilder().add("token_type", "Bearer")
            .add("expires_in", TOKEN_LIFETIME.toSeconds()).add("access_token", token).build()).build();
    }

    @POST
    @Path("checkouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A checkout with a customer token (sandbox)",
        description = "Body: {\"endpointKey\": the channel's Walley endpoint key, \"reference\", \"amount\" (major units), \"currency\"}. "
            + "Sends walley:order:created with Status OnHold to the hub and answers the customer token.")
    public Response checkout(InputStream body) {
        Simulators.requireSandbox(mode);
        JsonBody json = JsonBody.read(body).allowOnly("endpointKey", "reference", "amount", "currency");
        String endpointKey = json.requiredString("endpointKey");
        String reference = json.requiredString("reference");
        String currency = json.requiredString("currency");
        JsonValue amount = json.object().get("amount");
        if (amount == null || amount.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidField("amount", "must be a number in major units");
        }
        hub.channel(ProviderId.WALLEY, endpointKey);
        String orderId = UUID.randomUUID().toString();
        String authorizationId = UUID.randomUUID().toString();
        String customerToken = UUID.randomUUID().toString();
        checkouts.put(customerToken, new Checkout(endpointKey, reference, orderId, authorizationId, 0));
        JsonObject webhook = JSON.createObjectBuilder()
            .add("Type", WalleyNotifications.ORDER_CREATED)
            .add("Timestamp", clock.instant().toString())
            .add("Payload", JSON.createObjectBuilder().add("OrderId", orderId).add("Reference", reference)
                .add("Amount", amount).add("Currency", currency).add("Status", "OnHold")
                .add("AuthorizationId", authorizationId).add("CustomerToken", customerToken))
            .build();
        NotificationEndpoint.Answer answer = send(endpointKey, webhook);
        return Response.ok(JSON.createObjectBuilder().add("customerToken", customerToken).add("orderId", orderId)
            .add("authorizationId", authorizationId).add("hubStatus", answer.status()).build()).build();
    }

    @PUT
    @Path("purchase/customer-tokens/{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Customer-token failure simulation (sandbox)",
        description = "Walley's test-only call; a set failure sends the matching retrying/failed webhook to the hub.")
    public Response simulateFailure(@PathParam("token") String customerToken,
                                    @HeaderParam("Authorization") String authorization, InputStream body) {
        Simulators.requireSandbox(mode);
        String requestId = UUID.randomUUID().toString();
        if (!validBearer(authorization)) {
            return walleyError(requestId, 401, "The bearer token is missing, incorrect or expired");
        }
        Checkout checkout = checkouts.get(customerToken);
        if (checkout == null) {
            return walleyError(requestId, 404, "Customer token not found");
        }
        Optional<Integer> fault = takeFault(customerToken);
        if (fault.isPresent()) {
            return walleyError(requestId, fault.get(), fault.get() == 401
                ? "The bearer token is missing, incorrect or expired" : "Internal error, try again later");
        }
        Optional<WalleyFailureReason> reason = failure(JsonBody.read(body).object());
        if (reason.isPresent()) {
            Checkout next = new Checkout(checkout.endpointKey(), checkout.reference(), checkout.orderId(),
                checkout.authorizationId(), checkout.attempts() + 1);
            checkouts.put(customerToken, next);
            boolean retried = reason.get().retried();
            send(checkout.endpointKey(), JSON.createObjectBuilder()
                .add("Type", retried ? WalleyNotifications.AUTHORIZATION_RETRYING : WalleyNotifications.AUTHORIZATION_FAILED)
                .add("Timestamp", clock.instant().toString())
                .add("Payload", JSON.createObjectBuilder().add("CustomerToken", customerToken)
                    .add("AuthorizationId", checkout.authorizationId()).add("Reference", checkout.reference())
                    .add("ActionReference", requestId).add("CreatedOn", clock.instant().toString())
                    .add("CurrentAttempt", next.attempts()).add("MaxAttempt", 3)
                    .add("Reason", reason.get().webhookCode()))
                .build());
        }
        return Response.ok(JSON.createObjectBuilder().add("id", requestId).build()).build();
    }

    @POST
    @Path("customer-tokens/{token}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the next failure-simulation calls for a customer token fail (sandbox)",
        description = "Body: {\"status\": 401 or 503, \"times\": 1-10}. The next `times` calls of "
            + "PUT purchase/customer-tokens/{token} answer that status: 401 as if the bearer token had expired, "
            + "503 as Walley's internal error. The hub refreshes its token once on 401 and retries 503 twice.")
    public Response fault(@PathParam("token") String customerToken, InputStream body) {
        Simulators.requireSandbox(mode);
        if (!checkouts.containsKey(customerToken)) {
            return walleyError(UUID.randomUUID().toString(), 404, "Customer token not found");
        }
        JsonObject json = JsonBody.read(body).allowOnly("status", "times").object();
        int status = json.get("status") instanceof jakarta.json.JsonNumber n && n.isIntegral() ? n.intValue() : 0;
        if (status != 401 && status != 503) {
            throw new InvalidField("status", "must be 401 or 503");
        }
        int times = json.get("times") instanceof jakarta.json.JsonNumber n && n.isIntegral() ? n.intValue() : 0;
        if (times < 1 || times > 10) {
            throw new InvalidField("times", "must be 1-10");
        }
        faults.put(customerToken, new Fault(status, times));
        return Response.ok(JSON.createObjectBuilder().add("customerToken", customerToken).add("status", status)
            .add("times", times).build()).build();
    }

    /** The status of an armed fault for this token, counting it down; empty when none is armed. */
    private Optional<Integer> takeFault(String customerToken) {
        int[] status = {0};
        faults.computeIfPresent(customerToken, (token, armed) -> {
            status[0] = armed.status();
            return armed.remaining() > 1 ? new Fault(armed.status(), armed.remaining() - 1) : null;
        });
        return status[0] == 0 ? Optional.empty() : Optional.of(status[0]);
    }

    private static Optional<WalleyFailureReason> failure(JsonObject body) {
        JsonValue failure = body.get("AuthorizationFailure");
        if (failure == null || failure.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (failure.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidField("AuthorizationFailure", "must be an object or null");
        }
        JsonValue reason = failure.asJsonObject().get("Reason");
        if (reason == null || reason.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (reason.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidField("AuthorizationFailure.Reason", "must be a string or null");
        }
        return Optional.of(WalleyFailureReason.of(((jakarta.json.JsonString) reason).getString()));
    }

    /** Sends a webhook to the channel's notification endpoint as Walley would: Basic auth, signed when asked. */
    private NotificationEndpoint.Answer send(String endpointKey, JsonObject webhook) {
        ProviderConfiguration configuration = hub.configuration(ProviderId.WALLEY, endpointKey);
        byte[] body = webhook.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = ChannelNotifications.headers("application/json", "Walleybot (Payhooks sandbox)");
        headers.put("Walley-CorrelationId", List.of(UUID.randomUUID().toString()));
        headers.put("Walley-Live", List.of("False"));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        headers.put("Walley-Timestamp", List.of(timestamp));
        configuration.value("webhookUsername").ifPresent(user -> headers.put("Authorization", List.of(
            Simulators.basicAuthorization(user, configuration.secret("webhookPassword").orElse("")))));
        configuration.secret("webhookHmacKey").ifPresent(key -> headers.put("Walley-Signature",
            List.of(HexFormat.of().formatHex(WalleyNotifications.signature(key, timestamp, body)))));
        return hub.post(ProviderId.WALLEY, endpointKey, headers, body);
    }

    private boolean validBearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = bearerTokens.get(authorization.substring(7).strip());
        return expires != null && clock.instant().isBefore(expires);
    }

    private static Response walleyError(String requestId, int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.createObjectBuilder()
            .add("id", requestId)
            .add("error", JSON.createObjectBuilder().add("code", status).add("message", message).add("errors", JSON.createArrayBuilder()))
            .build()).build();
    }
}
