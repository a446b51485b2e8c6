package dev.payhooks.adapters.management;

import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.application.merchants.RenameMerchant;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;
import dev.payhooks.adapters.api.JsonBody;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import java.io.InputStream;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant the API key belongs to: its name and its four-eyes thresholds. */
@Path("v1/merchant")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Merchant")
@SecurityRequirement(name = "apiKey")
public class MerchantResource extends ManagementResource {

    @Inject
    Merchants merchants;

    @Inject
    ApprovalPolicy approvals;

    @Inject
    RenameMerchant rename;

    @GET
    @Operation(summary = "The calling merchant: id, name and the merchant key outbound webhooks carry")
    public JsonObject get() {
        return json(merchant());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Rename the calling merchant, or set its four-eyes thresholds", description = "Body: {\"name\": \"...\", "
        + "\"approvalThresholds\": {\"bulkReplay\": 100}}, either or both. A bulk replay of more deliveries than bulkReplay "
        + "waits for a second staff member's approval in the admin console; null turns four-eyes off. Audited.")
    public JsonObject update(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("name", "approvalThresholds");
        if (!json.object().containsKey("name") && !json.object().containsKey("approvalThresholds")) {
            throw new InvalidField("name", "is required (or approvalThresholds)");
        }
        Merchant merchant = merchant();
        String name = json.optionalString("name");
        if (name != null) {
            merchant = rename.handle(caller.caller(), name);
        }
        if (json.object().containsKey("approvalThresholds")) {
            merchant = approvals.setBulkReplayThreshold(caller.caller(), bulkReplayThreshold(json));
        }
        return json(merchant);
    }

    /** {@code approvalThresholds.bulkReplay}: a whole number, or null (or the object null) for off. */
    static Optional<Integer> bulkReplayThreshold(JsonBody json) {
        if (json.object().get("approvalThresholds") == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonBody thresholds = json.optionalObject("approvalThresholds").allowOnlyIn("approvalThresholds", "bulkReplay");
        JsonValue value = thresholds.object().get("bulkReplay");
        if (value == null) {
            throw new InvalidField("approvalThresholds.bulkReplay", "is required: a number of deliveries, or null for off");
        }
        try {
            return value == JsonValue.NULL ? Optional.empty() : Optional.of(thresholds.optionalInt("bulkReplay"));
        } catch (InvalidField e) {
            throw e.nestedIn("approvalThresholds");
        }
    }

    private Merchant merchant() {
        return merchants.byId(caller.merchantId()).orElseThrow(() -> new NotFound("merchant"));
    }

    /** A merchant as the API shows it, to the merchant itself and to operators. */
    static JsonObject json(Merchant merchant) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", merchant.id())
            .add("name", merchant.name())
            .add("merchantKey", merchant.merchantKey())
            .add("enabled", merchant.enabled())
            .add("createdAt", merchant.createdAt().toString());
        merchant.disabledAt().ifPresent(at -> json.add("disabledAt", at.toString()));
        JsonObjectBuilder thresholds = JSON.createObjectBuilder();
        merchant.bulkReplayApprovalAbove().ifPresentOrElse(n -> thresholds.add("bulkReplay", n),
            () -> thresholds.addNull("bulkReplay"));
        return json.add("approvalThresholds", thresholds).build();
    }
}
