package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.Delivery;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/** What the hub answers Saleor: an HTTP status and a JSON body. */
public record SaleorReply(int status, JsonObject body) {

    public static SaleorReply ok(JsonObject body) {
        return new SaleorReply(200, body);
    }

    /** A refusal in the hub's error shape; {@code message} is also what Saleor's SDK reads. */
    public static SaleorReply problem(int status, String error, String message) {
        return new SaleorReply(status, JSON.createObjectBuilder().add("error", error).add("message", message).build());
    }

    /** A handler's delivery: the reply, 400 for a channel without the provider, 409 while the same request runs. */
    public static SaleorReply of(Delivery delivery) {
        return of(delivery, "The same request is being handled; ask again shortly.");
    }

    public static SaleorReply of(Delivery delivery, String busyMessage) {
        if (delivery instanceof Delivery.Replied replied) {
            try (JsonReader reader = JSON.createReader(new StringReader(replied.reply()))) {
                return ok(reader.readObject());
            }
        }
        if (delivery instanceof Delivery.Busy) {
            return problem(409, "IN_PROGRESS", busyMessage);
        }
        return notConfigured();
    }

    /** The channel has no configuration for the app's provider. */
    public static SaleorReply notConfigured() {
        return problem(400, "NOT_CONFIGURED", "App is not configured");
    }
}
