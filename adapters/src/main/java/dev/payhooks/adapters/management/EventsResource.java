package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.api.ListQuery;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.application.events.EventLogQueries;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.events.ReplayDeliveries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

/**
 * Outbound events: the publish API for the merchant's own systems, and the event log with every
 * delivery attempt and replay.
 */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Events", description = "Publish events, read the event log, replay deliveries")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class EventsResource extends ManagementResource {

    /** The contract's limit for a published event. */
    public static final int MAX_BYTES = 256 * 1024;

    @Inject
    PublishEvents publish;

    @Inject
    EventLogQueries log;

    @Inject
    ReplayDeliveries replays;

    @POST
    @Path("events")
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
        PublishEvents.Published published = publish.publish(caller.merchantId(), json.requiredString("event_type"), object.toString(),
            Optional.ofNullable(idempotencyKey));
        return Response.status(published.repeated() ? 200 : 202)
            .entity(JSON.createObjectBuilder().add("event_id", published.event().id().value()).build())
            .build();
    }

    @GET
    @Path("events")
    @Operation(summary = "The event log, newest first", description = "Filters: type, subscription, status (PENDING, SUCCEEDED, "
        + "DEAD; matched against the event's deliveries), from/to (ISO-8601), limit (1-200), cursor. Each event has its "
        + "correlation_id when it was published under one (the X-Correlation-Id of the request that caused it).")
    public JsonObject list(@QueryParam("type") String type, @QueryParam("subscription") String subscription,
                           @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        EventLogQueries.Page page = log.page(caller.merchantId(), filter(type, subscription, status, from, to),
            Optional.ofNullable(cursor).map(EventsResource::decodeCursor), ListQuery.limit(limit));
        return ListQuery.page(page.items(), logged -> eventJson(logged.event())
            .add("deliveries", arrayOf(logged.deliveries(), d -> delivery(d, false).build())).build(),
            page.next().map(EventsResource::encodeCursor));
    }

    @GET
    @Path("events/{id}")
    @Operation(summary = "An event with its payload and every delivery attempt", description = "The event's correlation_id "
        + "(when it has one) is also on each attempt of attempt_log: the Payhooks-Correlation-Id header that attempt sent.")
    @APIResponse(responseCode = "404", description = "No such event")
    public JsonObject get(@PathParam("id") String id) {
        EventLogQueries.LoggedEvent logged = log.detail(caller.merchantId(), id);
        OutboundEvent event = logged.event();
        return eventJson(event)
            .add("payload", JSON.createReader(new StringReader(event.payloadJson())).readObject())
            .add("deliveries", arrayOf(logged.deliveries(), d -> delivery(d, true).build()))
            .build();
    }

    @POST
    @Path("events/{id}/replay")
    @Transactional
    @Operation(summary = "Send an event again", description = "The event's failed (dead) deliveries start their retry "
        + "schedule again, so webhooks that already received it do not get it twice; ?deliveries=all takes every finished "
        + "delivery (failed is the default). ?subscription= narrows either to the delivery to that webhook.")
    @APIResponse(responseCode = "202", description = "{\"replayed\": n}")
    @APIResponse(responseCode = "400", description = "deliveries is neither failed nor all")
    public Response replay(@PathParam("id") String id, @QueryParam("subscription") String subscription,
                           @QueryParam("deliveries") String deliveries) {
        ReplayDeliveries.Targets targets = ReplayDeliveries.Targets.parse(deliveries);
        int replayed = replays.replayEvent(caller.caller(), log.detail(caller.merchantId(), id).event().id(),
            Optional.ofNullable(subscription).filter(s -> !s.isBlank()), targets);
        return Response.accepted(JSON.createObjectBuilder().add("replayed", replayed).build()).build();
    }

    @POST
    @Path("replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Replay many deliveries", description = "{\"subscription\", \"type\", \"status\" (default DEAD), "
        + "\"from\", \"to\", \"missed\"}; at most 10,000 per request. With \"missed\": true (needs subscription and from), "
        + "the webhook also gets the events of the range it listens to but never received (published while it was off). "
        + "With the merchant's four-eyes on (approvalThresholds.bulkReplay of v1/merchant), a replay of more deliveries "
        + "than that does not run: it waits for a second staff member's approval in the admin console.")
    @APIResponse(responseCode = "202", description = "{\"replayed\": n, \"missed\": m}; when held for approval, both 0 and "
        + "{\"approvalRequest\": {\"id\", \"status\": \"PENDING\", \"deliveries\", \"expiresAt\"}}")
    public Response replayMany(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("subscription", "type", "status", "from", "to", "missed");
        var filter = filter(json.optionalString("type"), json.optionalString("subscription"),
            json.optionalString("status"), json.optionalString("from"), json.optionalString("to"));
        ReplayDeliveries.BulkReplay done = replays.replayBulk(caller.caller(), filter,
            Boolean.TRUE.equals(json.optionalBoolean("missed")));
        return Response.accepted(replayAnswer(done)).build();
    }

    /** The counts of a bulk replay, and the approval request when four-eyes held it (the counts are 0 then). */
    static JsonObject replayAnswer(ReplayDeliveries.BulkReplay done) {
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("replayed", done.replayed()).add("missed", done.missed());
        done.awaitingApproval().ifPresent(request -> answer.add("approvalRequest", ApprovalsResource.json(request, request.status())));
        return answer.build();
    }

    private static JsonObjectBuilder eventJson(OutboundEvent event) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("event_id", event.id().value())
            .add("event_type", event.eventType())
            .add("created_at", event.createdAt().toString());
        event.source().ifPresent(source -> json.add("source", source));
        event.correlationId().ifPresent(id -> json.add("correlation_id", id.value()));
        return json;
    }

    private static JsonObjectBuilder delivery(Delivery d, boolean withAttempts) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", d.id())
            .add("subscription_id", d.subscriptionId())
            .add("status", d.status().name())
            .add("attempts", d.attempts().size());
        d.nextAttemptAt().ifPresent(at -> json.add("next_attempt_at", at.toString()));
        d.deadReason().ifPresent(reason -> json.add("dead_reason", reason));
        if (withAttempts) {
            JsonArrayBuilder attempts = JSON.createArrayBuilder();
            for (DeliveryAttempt a : d.attempts()) {
                JsonObjectBuilder attempt = JSON.createObjectBuilder()
                    .add("number", a.number())
                    .add("started_at", a.startedAt().toString())
                    .add("latency_ms", a.latency().toMillis())
                    .add("success", a.success());
                if (a.status() != null) {
                    attempt.add("http_status", a.status());
                }
                if (a.errorClass() != null) {
                    attempt.add("error_class", a.errorClass());
                }
                if (a.responseExcerpt() != null) {
                    attempt.add("response_excerpt", a.responseExcerpt());
                }
                if (a.correlationId() != null) {
                    attempt.add("correlation_id", a.correlationId().value());
                }
                attempts.add(attempt);
            }
            json.add("attempt_log", attempts);
        }
        return json;
    }

    private static EventLog.Filter filter(String type, String subscription, String status, String from, String to) {
        return new EventLog.Filter(Optional.ofNullable(type).filter(s -> !s.isBlank()),
            Optional.ofNullable(subscription).filter(s -> !s.isBlank()),
            Optional.ofNullable(status).map(EventsResource::status),
            Optional.ofNullable(from).map(value -> ListQuery.instant("from", value)),
            Optional.ofNullable(to).map(value -> ListQuery.instant("to", value)));
    }

    private static DeliveryStatus status(String value) {
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("status", "must be PENDING, SUCCEEDED or DEAD");
        }
    }

    static String encodeCursor(EventLog.Cursor cursor) {
        return ListQuery.cursor(cursor.createdAt(), cursor.eventId());
    }

    static EventLog.Cursor decodeCursor(String token) {
        ListQuery.Position position = ListQuery.position(token);
        try {
            return new EventLog.Cursor(position.createdAt(), new EventId(position.id()).value());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidField("cursor", "is not a cursor this API returned");
        }
    }
}
