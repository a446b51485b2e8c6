package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.usecase.ManageSubscriptions;
import dev.payhooks.domain.usecase.PublishEvents;
import dev.payhooks.domain.usecase.ManageSubscriptions.AuthenticationChange;
import dev.payhooks.domain.usecase.ManageSubscriptions.AuthenticationInput;
import dev.payhooks.domain.usecase.ManageSubscriptions.SubscriptionInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Locale;

/**
 * The calling merchant's webhook subscriptions. On update, {@code authentication} present means
 * "reset authentication" to the given value; absent means "keep current configuration" (the
 * admin UI's two choices). The Basic password is write-only and never answered.
 */
@Path("v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Webhooks", description = "Outbound webhook subscriptions")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class WebhooksResource {

    static final String[] FIELDS = {"label", "url", "events", "authentication", "signature", "enabled", "timeoutSeconds",
        "fifo", "rateLimitPerSecond"};
    static final String DISABLED_BY_MERCHANT = "disabled by the merchant";

    @Inject
    ManageSubscriptions subscriptions;

    @Inject
    PublishEvents publish;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    private String merchant() {
        return security.getUserPrincipal().getName();
    }

    @GET
    @Operation(summary = "List webhook subscriptions")
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        subscriptions.list(merchant()).forEach(s -> all.add(json(s)));
        return all.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a webhook", description = "{\"label\", \"url\", \"events\": [...], \"authentication\": {\"type\": "
        + "\"NONE\"|\"BASIC\", \"username\", \"password\"}, \"signature\": {\"type\": \"NONE\"|\"SOURCE_KEY\"|\"SIGNATURE_KEY\", "
        + "\"sourceKeyId\"}, \"enabled\": true}; optional timeoutSeconds (1-60), fifo, rateLimitPerSecond")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (including hook URLs into private networks)")
    public Response create(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly(FIELDS);
        JsonBody authentication = json.optionalObject("authentication");
        if (authentication == null) {
            throw new InvalidField("authentication", "is required: {\"type\": \"NONE\"} or {\"type\": \"BASIC\", \"username\", \"password\"}");
        }
        WebhookSubscription created = subscriptions.create(merchant(), input(json), authentication(authentication));
        if (Boolean.FALSE.equals(json.optionalBoolean("enabled"))) {
            created = subscriptions.disable(merchant(), created.id(), DISABLED_BY_MERCHANT);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(json(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public JsonObject get(@PathParam("id") String id) {
        return json(subscriptions.get(merchant(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change a webhook", description = "All fields as on create; leave out `authentication` to keep it.")
    public JsonObject update(@PathParam("id") String id, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly(FIELDS);
        JsonBody authentication = json.optionalObject("authentication");
        AuthenticationChange change = authentication == null
            ? new AuthenticationChange.Keep() : new AuthenticationChange.Reset(authentication(authentication));
        WebhookSubscription updated = subscriptions.update(merchant(), id, input(json), change);
        Boolean enabled = json.optionalBoolean("enabled");
        if (Boolean.FALSE.equals(enabled) && updated.enabled()) {
            updated = subscriptions.disable(merchant(), id, DISABLED_BY_MERCHANT);
        } else if (Boolean.TRUE.equals(enabled) && !updated.enabled()) {
            updated = subscriptions.enable(merchant(), id);
        }
        return json(updated);
    }

    @POST
    @Path("{id}/test")
    @Transactional
    @Operation(summary = "Send a test event", description = "Delivers a sample `webhook.test` event to this webhook only, "
        + "signed and authenticated like any other; its attempts show in the event log.")
    @APIResponse(responseCode = "202", description = "{\"event_id\": \"…\"}")
    public Response test(@PathParam("id") String id) {
        PublishEvents.Published sent = publish.sendTest(subscriptions.get(merchant(), id));
        return Response.accepted(JSON.createObjectBuilder().add("event_id", sent.event().id().value()).build()).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a webhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(merchant(), id);
        return Response.noContent().build();
    }

    private static SubscriptionInput input(JsonBody json) {
        return new SubscriptionInput(json.requiredString("label"), json.requiredString("url"), requiredEvents(json),
            signature(json.optionalObject("signature")), json.optionalInt("timeoutSeconds"), json.optionalBoolean("fifo"),
            json.optionalInt("rateLimitPerSecond"));
    }

    private static java.util.List<String> requiredEvents(JsonBody json) {
        java.util.List<String> events = json.optionalStrings("events");
        if (events == null) {
            throw new InvalidField("events", "is required: one or more event types");
        }
        return events;
    }

    private static AuthenticationInput authentication(JsonBody json) {
        json.allowOnlyIn("authentication", "type", "username", "password");
        String type = upper(json, "authentication", "type");
        return switch (type) {
            case "NONE" -> new AuthenticationInput.None();
            case "BASIC" -> new AuthenticationInput.Basic(json.optionalString("username"), json.optionalString("password"));
            default -> throw new InvalidField("authentication.type", "must be NONE or BASIC");
        };
    }

    private static Signature signature(JsonBody json) {
        if (json == null) {
            throw new InvalidField("signature", "is required: {\"type\": \"NONE\" | \"SOURCE_KEY\" | \"SIGNATURE_KEY\"}");
        }
        json.allowOnlyIn("signature", "type", "sourceKeyId");
        return switch (upper(json, "signature", "type")) {
            case "NONE" -> new Signature.None();
            case "SOURCE_KEY" -> new Signature.SourceKey(json.optionalString("sourceKeyId") == null ? "" : json.optionalString("sourceKeyId"));
            case "SIGNATURE_KEY" -> new Signature.MerchantKey();
            default -> throw new InvalidField("signature.type", "must be NONE, SOURCE_KEY or SIGNATURE_KEY");
        };
    }

    private static String upper(JsonBody json, String prefix, String field) {
        try {
            String value = json.requiredString(field);
            return value.trim().toUpperCase(Locale.ROOT);
        } catch (InvalidField e) {
            throw e.nestedIn(prefix);
        }
    }

    static JsonObject json(WebhookSubscription s) {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        s.events().forEach(events::add);
        JsonObjectBuilder authentication = JSON.createObjectBuilder().add("type", s.authentication().type().toUpperCase(Locale.ROOT));
        if (s.authentication() instanceof Authentication.Basic basic) {
            authentication.add("username", basic.username());
        }
        JsonObjectBuilder signature = JSON.createObjectBuilder().add("type", s.signature().type().toUpperCase(Locale.ROOT));
        if (s.signature() instanceof Signature.SourceKey sourceKey) {
            signature.add("sourceKeyId", sourceKey.apiKeyId());
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", s.id())
            .add("label", s.label())
            .add("url", s.url().value().toString())
            .add("events", events)
            .add("authentication", authentication)
            .add("signature", signature)
            .add("enabled", s.enabled())
            .add("status", s.enabled() ? "ENABLED" : "DISABLED")
            .add("timeoutSeconds", s.delivery().timeoutSeconds())
            .add("fifo", s.delivery().fifo())
            .add("createdAt", s.createdAt().toString())
            .add("updatedAt", s.updatedAt().toString());
        s.delivery().rateLimit().ifPresent(limit -> json.add("rateLimitPerSecond", limit));
        s.disabledReason().ifPresent(reason -> json.add("disabledReason", reason));
        return json.build();
    }
}
