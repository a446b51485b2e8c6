package dev.payhooks.adapters.saleor;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonObject;

/** What the hub answers Saleor: an HTTP status and a JSON body. */
public record SaleorReply(int status, JsonObject body) {

    public static SaleorReply ok(JsonObject body) {
        return new SaleorReply(200, body);
    }

    /** A refusal in the hub's error shape; {@code message} is also what Saleor's SDK reads. */
    public static SaleorReply problem(int status, String error, String message) {
        return new SaleorReply(status, JSON.createObjectBuilder().add("error", error).add("message", message).build());
    }
}
