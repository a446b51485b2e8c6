package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.api.MergePatch;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationChange;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationInput;
import dev.payhooks.application.webhooks.ManageSubscriptions.SubscriptionInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
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
import java.util.List;
import java.util.Locale;

/**
 * The calling merchant's webhook subscriptions. PUT replaces a webhook whole; PATCH (JSON merge
 * patch) changes some fields and then takes PUT's path with the merged whole. On update,
 * {@code authentication} present means "reset authentication" to the given value; absent means
 * "keep current configuration" (the admin UI's two choices). The Basic password is write-only
 * and never answered.
 */
@Path("v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Webhooks", description = "Outbound webhook subscriptions")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class WebhooksResource extends ManagementResource {

    static final String[] FIELDS = {"label", "url", "events", "authentication", "signature", "enabled", "timeoutSeconds",
        "fifo", "rateLimitPerSecond"};
    static final String DISABLED_BY_MERCHANT = "disabled by the merchant";

    @Inject
    ManageSubscriptions subscriptions;

    @Inject
    PublishEvents publish;

    @GET
    @Operation(summary = "List webhook subscriptions")
    public JsonArray list() {
        return arrayOf(subscriptions.list(caller.merchantId()), WebhooksResource::json);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a webhook", description = "{\"label\", \"url\", \"events\": [...], \"authentication\": {\"type\": "
        + "\"NONE\"|\"BASIC\", \"username\", \"password\"}, \"signature\": {\"type\": \"NONE\"|\"SOURCE_KEY\"|\"SIGNATURE_KEY\"|\"ED25519\", "
        + "\"sourceKeyId\"}, \"enabled\": true}; optional timeoutSeconds (1-60), fifo, rateLimitPerSecond")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (including hook URLs into private networks)")
    public Response create(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly(FIELDS);
        JsonBody authentication = json.optionalObject("authentication");
        if (authentication == null) {
            throw new InvalidField("authentication", "is required: {\"type\": \"NONE\"} or {\"type\": \"BASIC\", \"username\", \"password\"}");
        }
        WebhookSubscription created = subscriptions.create(caller.caller(), input(json), authentication(authentication));
        if (Boolean.FALSE.equals(json.optionalBoolean("enabled"))) {
            created = subscriptions.disable(caller.caller(), created.id(), DISABLED_BY_MERCHANT);
        }
        return created(created.id(), json(created));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public JsonObject get(@PathParam("id") String id) {
        return json(subscriptions.get(caller.merchantId(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Replace a webhook", description = "PUT replaces the whole webhook: send label, url, events and "
        + "signature as on create (optional fields left out go back to their defaults); leave out `authentication` to keep "
        + "it. To change some fields only, use PATCH.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "A field is missing (the message lists every missing one) or invalid")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public JsonObject update(@PathParam("id") String id, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly(FIELDS);
        requireWhole(json, PUT_REPLACES);
        return replace(id, json, authenticationChange(json));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "Change some fields of a webhook (JSON merge patch, RFC 7396)",
        description = "Send only what changes, e.g. {\"enabled\": false}. Fields left out keep their value; null removes an "
            + "optional field (timeoutSeconds, fifo and rateLimitPerSecond go back to their defaults, signature and "
            + "authentication to NONE) and is refused for label, url and events. `signature` merges into the current one; "
            + "`authentication`, when present, replaces it whole (the password is write-only). The result is checked like a PUT.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "A field is invalid, or a required one was removed")
    @APIResponse(responseCode = "404", description = "No such webhook")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json or application/json")
    public JsonObject patch(@PathParam("id") String id, InputStream body) {
        JsonObject patch = JsonBody.read(body).allowOnly(FIELDS).object();
        JsonObject current = editable(subscriptions.get(caller.merchantId(), id));
        JsonObjectBuilder withoutAuthentication = JSON.createObjectBuilder(patch).remove("authentication");
        JsonObject merged = MergePatch.apply(current, withoutAuthentication.build());
        JsonValue authentication = patch.get("authentication");
        AuthenticationChange change;
        if (authentication == null) {
            change = new AuthenticationChange.Keep();
        } else if (authentication.getValueType() == JsonValue.ValueType.NULL) {
            change = new AuthenticationChange.Reset(new AuthenticationInput.None());
        } else {
            change = authenticationChange(JsonBody.of(JSON.createObjectBuilder().add("authentication", authentication).build()));
        }
        if (patch.containsKey("signature") && patch.get("signature").getValueType() == JsonValue.ValueType.NULL) {
            merged = JSON.createObjectBuilder(merged).add("signature", JSON.createObjectBuilder().add("type", "NONE")).build();
        }
        JsonBody json = JsonBody.of(merged);
        requireWhole(json, PATCH_KEEPS);
        return replace(id, json, change);
    }

    /** PUT's and PATCH's one path: the whole webhook as JSON, checked and saved. */
    private JsonObject replace(String id, JsonBody json, AuthenticationChange change) {
        WebhookSubscription updated = subscriptions.update(caller.caller(), id, input(json), change);
        Boolean enabled = json.optionalBoolean("enabled");
        if (Boolean.FALSE.equals(enabled) && updated.enabled()) {
            updated = subscriptions.disable(caller.caller(), id, DISABLED_BY_MERCHANT);
        } else if (Boolean.TRUE.equals(enabled) && !updated.enabled()) {
            updated = subscriptions.enable(caller.caller(), id);
        }
        return json(updated);
    }

    private static AuthenticationChange authenticationChange(JsonBody json) {
        JsonBody authentication = json.optionalObject("authentication");
        return authentication == null
            ? new AuthenticationChange.Keep() : new AuthenticationChange.Reset(authentication(authentication));
    }

    static final List<String> REQUIRED_ON_REPLACE = List.of("label", "url", "events", "signature");

    /**
     * A replacement names every required field; the message lists all that are missing and says
     * why (a PUT of {@code {"enabled": false}} alone is told that a PUT replaces the whole webhook).
     */
    static void requireWhole(JsonBody json, String why) {
        List<String> missing = REQUIRED_ON_REPLACE.stream()
            .filter(field -> json.object().get(field) == null || json.object().get(field).getValueType() == JsonValue.ValueType.NULL)
            .toList();
        if (!missing.isEmpty()) {
            throw new InvalidField(missing.get(0), why + "; missing: " + String.join(", ", missing));
        }
    }

    static final String PUT_REPLACES = "PUT replaces the whole webhook, so it needs every required field (to change some "
        + "fields only, send PATCH with Content-Type application/merge-patch+json)";
    static final String PATCH_KEEPS = "is required and cannot be removed with null";

    /** The fields a PUT takes, as the webhook has them now (no password: it is write-only). */
    static JsonObject editable(WebhookSubscription s) {
        JsonObject all = json(s);
        JsonObjectBuilder editable = JSON.createObjectBuilder();
        for (String field : FIELDS) {
            if (!field.equals("authentication") && all.containsKey(field)) {
                editable.add(field, all.get(field));
            }
        }
        return editable.build();
    }

    @POST
    @Path("{id}/test")
    @Transactional
    @Operation(summary = "Send a test event", description = "Delivers a sample `webhook.test` event to this webhook only, "
        + "signed and authenticated like any other; its attempts show in the event log.")
    @APIResponse(responseCode = "202", description = "{\"event_id\": \"…\"}")
    @APIResponse(responseCode = "409", description = "The webhook is disabled: nothing would be sent to it")
    public Response test(@PathParam("id") String id) {
        PublishEvents.Published sent = publish.sendTest(caller.caller(), subscriptions.get(caller.merchantId(), id));
        return Response.accepted(JSON.createObjectBuilder().add("event_id", sent.event().id().value()).build()).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a webhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(caller.caller(), id);
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
            throw new InvalidField("signature", "is required: {\"type\": \"NONE\" | \"SOURCE_KEY\" | \"SIGNATURE_KEY\" | \"ED25519\"}");
        }
        json.allowOnlyIn("signature", "type", "sourceKeyId");
        return switch (upper(json, "signature", "type")) {
            case "NONE" -> new Signature.None();
            case "SOURCE_KEY" -> new Signature.SourceKey(json.optionalString("sourceKeyId") == null ? "" : json.optionalString("sourceKeyId"));
            case "SIGNATURE_KEY" -> new Signature.MerchantKey();
            case "ED25519" -> new Signature.PublicKey();
            default -> throw new InvalidField("signature.type", "must be NONE, SOURCE_KEY, SIGNATURE_KEY or ED25519");
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
