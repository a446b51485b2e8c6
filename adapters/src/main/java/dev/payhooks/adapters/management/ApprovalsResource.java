package dev.payhooks.adapters.management;

import dev.payhooks.application.approvals.DecideApprovals;
import dev.payhooks.domain.approval.ApprovalRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;

/**
 * The merchant's four-eyes approval requests, to read: staff decide them in the admin console,
 * never through the API (an API key is no second person).
 */
@Path("v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Approvals", description = "Bulk replays held for a second staff member's approval (four-eyes)")
@SecurityRequirement(name = "apiKey")
public class ApprovalsResource extends ManagementResource {

    @Inject
    DecideApprovals approvals;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The newest approval requests (at most 50), newest first", description = "Each: id, kind, status "
        + "(PENDING, APPROVED, REJECTED, EXPIRED), summary, deliveries (the count when asked), requestedBy, requestedAt, "
        + "expiresAt, and once decided decidedBy, decidedAt and result.")
    public JsonArray list() {
        return arrayOf(approvals.recent(caller.caller()), request -> json(request, request.statusAt(clock.instant())));
    }

    /** A request as the API shows it, with its status at the time of the answer. */
    static JsonObject json(ApprovalRequest request, ApprovalRequest.Status status) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", request.id())
            .add("kind", request.kind().name())
            .add("status", status.name())
            .add("summary", request.summary())
            .add("deliveries", request.deliveries())
            .add("requestedBy", request.requestedBy().name())
            .add("requestedAt", request.requestedAt().toString())
            .add("expiresAt", request.expiresAt().toString());
        request.decidedBy().ifPresent(by -> json.add("decidedBy", by));
        request.decidedAt().ifPresent(at -> json.add("decidedAt", at.toString()));
        if (!request.result().isEmpty()) {
            json.add("result", request.result());
        }
        return json.build();
    }
}
