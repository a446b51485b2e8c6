package dev.payhooks.adapters.management;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

/** The merchant the API key belongs to. */
@Path("v1/merchant")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Merchant")
@SecurityRequirement(name = "apiKey")
public class MerchantResource {

    @Inject
    Merchants merchants;

    @Inject
    ApiCaller caller;

    @GET
    @Operation(summary = "The calling merchant: id, name and the merchant key outbound webhooks carry")
    public JsonObject get() {
        return json(merchant());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Rename the calling merchant", description = "Body: {\"name\": \"...\"}")
    public JsonObject rename(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("name");
        Merchant merchant = merchant();
        merchant.rename(json.requiredString("name"));
        merchants.update(merchant);
        return json(merchant);
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
        return json.build();
    }
}
