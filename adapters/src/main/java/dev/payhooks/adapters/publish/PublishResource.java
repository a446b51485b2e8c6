package dev.payhooks.adapters.publish;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.usecase.PublishEvents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** The publish API: a merchant's own systems hand the hub an event to deliver to their webhooks. */
@Path("v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Events", description = "Publish events for delivery")
@SecurityRequirement(name = "apiKey")
public class PublishResource {

    /** The contract's limit for a published event. */
    public static final int MAX_BYTES = 256 * 1024;

    @Inject
    PublishEvents publish;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Publish an event", description = "{\"event_type\": \"transaction.sale.success\", \"object\": {...}}. "
        + "With an Idempotency-Key header, the same key within 24 h answers 200 with the original event instead of making another.")
    @APIResponse(responseCode = "202", description = "Accepted: {\"event_id\": \"…\"}")
    @APIResponse(responseCode = "200", description = "The event an earlier request with this Idempotency-Key made")
    @APIResponse(responseCode = "400", description = "Unknown event type, or a malformed body")
    @APIResponse(responseCode = "413", description = "Larger than 256 KiB")
    public Response publish(@HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) {
        JsonBody json = JsonBody.read(body, MAX_BYTES).allowOnly("event_type", "object");
        JsonValue object = json.object().get("object");
        if (object == null || object.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidField("object", object == null ? "is required" : "must be an object, not " + JsonBody.describe(object));
        }
        PublishEvents.Published published = publish.publish(security.getUserPrincipal().getName(),
            json.requiredString("event_type"), object.toString(), Optional.ofNullable(idempotencyKey));
        return Response.status(published.repeated() ? 200 : 202)
            .entity(Json.createObjectBuilder().add("event_id", published.event().id().value()).build())
            .build();
    }
}
