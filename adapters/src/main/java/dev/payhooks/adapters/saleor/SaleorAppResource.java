package dev.payhooks.adapters.saleor;

import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Saleor payment apps, one per provider: {@code /api/saleor/{provider}/manifest},
 * {@code /register} (token exchange) and {@code /webhooks/{event}}. Every webhook is checked
 * ({@link SaleorWebhookCheck}) before the provider's app sees it.
 */
@Path("saleor/{provider}")
@PublicEndpoint("Saleor app: manifest, token exchange and webhooks checked against Saleor's signature")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Saleor app", description = "Saleor payment app per provider (np-atobarai; adyen later)")
public class SaleorAppResource {

    /** Saleor's bodies are small; a generous bound still stops a flood. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    @Inject
    Instance<SaleorPaymentApp> apps;

    @Inject
    SaleorRegistration registration;

    @Inject
    SaleorWebhookCheck check;

    @Inject
    PublicUrl publicUrl;

    @Context
    UriInfo uri;

    @GET
    @Path("manifest")
    @Operation(summary = "The app manifest Saleor installs from")
    @APIResponse(responseCode = "200", description = "Manifest with permissions, token URL and webhook subscriptions")
    @APIResponse(responseCode = "404", description = "Unknown provider")
    public JsonObject manifest(@PathParam("provider") @Parameter(description = "np-atobarai") String provider) {
        SaleorPaymentApp app = app(provider);
        String base = base() + "api/saleor/" + app.provider().slug();
        JsonArrayBuilder webhooks = JSON.createArrayBuilder();
        for (ManifestWebhook webhook : app.webhooks()) {
            webhooks.add(JSON.createObjectBuilder()
                .add("name", webhook.name())
                .add(webhook.sync() ? "syncEvents" : "asyncEvents", JSON.createArrayBuilder().add(webhook.saleorEnum()))
                .add("query", webhook.query())
                .add("targetUrl", base + "/webhooks/" + webhook.event())
                .add("isActive", true));
        }
        return JSON.createObjectBuilder()
            .add("id", "dev.payhooks." + app.provider().slug())
            .add("version", "0.1.0")
            .add("name", app.name())
            .add("about", "Payhooks payment hub: " + app.provider().slug())
            .add("permissions", JSON.createArrayBuilder().add("HANDLE_PAYMENTS").add("MANAGE_ORDERS"))
            .add("appUrl", base + "/manifest")
            .add("tokenTargetUrl", base + "/register")
            .add("requiredSaleorVersion", ">=3.15")
            .add("webhooks", webhooks)
            .build();
    }

    @POST
    @Path("register")
    @Operation(summary = "Saleor's token exchange: stores the app token (sealed), app id and JWKS")
    @APIResponse(responseCode = "200", description = "{\"success\": true}")
    @APIResponse(responseCode = "400", description = "Missing auth token")
    @APIResponse(responseCode = "401", description = "UNKNOWN_APP_ID or JWKS_NOT_AVAILABLE")
    @APIResponse(responseCode = "403", description = "SALEOR_URL_PROHIBITED: the API URL is not on the allow-list")
    public Response register(@PathParam("provider") String provider,
                             @HeaderParam("Saleor-Api-Url") String apiUrl,
                             @HeaderParam("X-Saleor-Api-Url") String legacyApiUrl,
                             InputStream body) {
        SaleorPaymentApp app = app(provider);
        JsonObject json = JsonBody.read(body).object();
        String token = json.get("auth_token") instanceof jakarta.json.JsonString s ? s.getString() : null;
        return answer(registration.register(app.provider(), apiUrl != null ? apiUrl : legacyApiUrl, token));
    }

    @POST
    @Path("webhooks/{event}")
    @Operation(summary = "A Saleor webhook (Saleor-Event in lower case); verified before it is handled")
    @APIResponse(responseCode = "200", description = "The provider's answer in Saleor's response schema; business failures too")
    @APIResponse(responseCode = "400", description = "Malformed body, or \"App is not configured\" for the channel")
    @APIResponse(responseCode = "401", description = "Missing headers, unregistered API URL, wrong event or bad signature")
    @APIResponse(responseCode = "403", description = "Recipient ID does not match auth data ID")
    @APIResponse(responseCode = "409", description = "The same request is still being handled")
    public Response webhook(@PathParam("provider") String provider, @PathParam("event") String event,
                            @HeaderParam("Saleor-Api-Url") String apiUrl,
                            @HeaderParam("X-Saleor-Api-Url") String legacyApiUrl,
                            @HeaderParam("Saleor-Event") String eventHeader,
                            @HeaderParam("X-Saleor-Event") String legacyEventHeader,
                            @HeaderParam("Saleor-Signature") String signature,
                            @HeaderParam("X-Saleor-Signature") String legacySignature,
                            InputStream body) {
        SaleorPaymentApp app = app(provider);
        if (app.webhooks().stream().noneMatch(w -> w.event().equals(event))) {
            throw new ApiProblem(404, "The " + app.provider().slug() + " app has no webhook " + event);
        }
        byte[] raw = readAtMost(body);
        SaleorWebhookCheck.Outcome outcome = check.check(app.provider(), event,
            apiUrl != null ? apiUrl : legacyApiUrl,
            eventHeader != null ? eventHeader : legacyEventHeader,
            signature, legacySignature, raw);
        if (outcome.refusal() != null) {
            return answer(outcome.refusal());
        }
        return answer(app.handle(outcome.webhook()));
    }

    private SaleorPaymentApp app(String provider) {
        ProviderId id;
        try {
            id = ProviderId.fromSlug(provider);
        } catch (RuntimeException unknown) {
            throw new ApiProblem(404, "No Saleor app for provider " + provider);
        }
        for (SaleorPaymentApp app : apps) {
            if (app.provider() == id) {
                return app;
            }
        }
        throw new ApiProblem(404, "No Saleor app for provider " + provider);
    }

    /** The hub's public base URL; a request's Host only in sandbox mode without one (see {@link PublicUrl}). */
    private String base() {
        return publicUrl.resolve("", () -> uri.getBaseUri().resolve("/").toString());
    }

    private static byte[] readAtMost(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiProblem(413, "Request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response answer(SaleorReply reply) {
        return Response.status(reply.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body().toString()).build();
    }
}
