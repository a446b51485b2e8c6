package dev.payhooks.sandbox.annanow;

import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.sandbox.ChannelNotifications;
import dev.payhooks.sandbox.Simulators;
import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.ProviderConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Annanow in sandbox mode (404 in production): {@code POST notifications} sends a
 * transaction or subscription notification to a channel's Annanow endpoint as JSON or as PHP
 * form fields, authenticated as the channel expects; {@code GET Transaction/{id}} answers the
 * last status sent for that transaction, so a channel whose {@code apiBaseUrl} is
 * {@code {hub}/sandbox/annanow} (forwarded to {@code /api/sandbox/annanow}) can confirm by re-fetch.
 */
@Path("sandbox/annanow")
@PublicEndpoint("Annanow simulator: sandbox mode only, acts on a channel through its endpoint key")
@ApplicationScoped
@Tag(name = "Sandbox: Annanow", description = "Simulated Annanow (sandbox mode only)")
public class AnnanowSandboxResource {

    @Inject
    HubMode mode;

    @Inject
    ChannelNotifications hub;

    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

    @POST
    @Path("notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send an Annanow notification to the hub (sandbox)",
        description = "Body: {\"endpointKey\": the channel's Annanow endpoint key, \"encoding\": \"json\" | \"form\", "
            + "\"transaction\": {…} or \"subscription\": {…}} as Annanow would post it.")
    public Response send(InputStream body) {
        Simulators.requireSandbox(mode);
        JsonBody json = JsonBody.read(body).allowOnly("endpointKey", "encoding", "transaction", "subscription");
        String endpointKey = json.requiredString("endpointKey");
        String encoding = json.optionalString("encoding") == null ? "json" : json.optionalString("encoding");
        if (!encoding.equals("json") && !encoding.equals("form")) {
            throw new InvalidField("encoding", "must be json or form");
        }
        JsonObject object = json.object();
        String root = object.containsKey("transaction") ? "transaction" : "subscription";
        if (!(object.get(root) instanceof JsonObject content)) {
            throw new InvalidField(root, "a transaction or subscription object is required");
        }
        ProviderConfiguration configuration = hub.configuration(ProviderId.ANNANOW, endpointKey);
        JsonObject notification = JSON.createObjectBuilder().add(root, content).build();
        byte[] bytes = encoding.equals("form")
            ? form(notification).getBytes(StandardCharsets.US_ASCII)
            : notification.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = ChannelNotifications.headers(
            encoding.equals("form") ? "application/x-www-form-urlencoded" : "application/json", "Annanow (Payhooks sandbox)");
        if ("BASIC".equals(configuration.value("authMode").orElse("URL_KEY"))) {
            headers.put("Authorization", List.of(Simulators.basicAuthorization(
                configuration.value("username").orElse(""), configuration.secret("password").orElse(""))));
        }
        if (root.equals("transaction") && content.get("id") instanceof JsonNumber id && content.get("status") instanceof JsonString status) {
            lastStatus.put(id.toString(), status.getString());
        }
        NotificationEndpoint.Answer answer = hub.post(ProviderId.ANNANOW, endpointKey, headers, bytes);
        return Response.ok(JSON.createObjectBuilder().add("hubStatus", answer.status())
            .add("hubAnswer", JSON.createReader(new java.io.StringReader(answer.json())).readObject()).build()).build();
    }

    @GET
    @Path("Transaction/{id}{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last status sent for a transaction (sandbox re-fetch)")
    public Response transaction(@PathParam("id") String id) {
        Simulators.requireSandbox(mode);
        String status = lastStatus.get(id);
        if (status == null) {
            return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"status\":\"error\",\"message\":\"No Transaction found with id " + id.replaceAll("[^0-9]", "") + "\"}").build();
        }
        return Response.ok(JSON.createObjectBuilder().add("status", "success").add("data", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("id", Long.parseLong(id)).add("status", status))).build()).build();
    }

    /** PHP's http_build_query of a JSON object: nested keys in brackets, arrays by index. */
    static String form(JsonObject object) {
        List<String> pairs = new ArrayList<>();
        object.forEach((name, value) -> flatten(name, value, pairs));
        return String.join("&", pairs);
    }

    private static void flatten(String prefix, JsonValue value, List<String> pairs) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((name, child) -> flatten(prefix + "[" + name + "]", child, pairs));
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    flatten(prefix + "[" + i + "]", array.get(i), pairs);
                }
            }
            case NULL -> { }
            case STRING -> pairs.add(encode(prefix) + "=" + encode(((JsonString) value).getString()));
            default -> pairs.add(encode(prefix) + "=" + encode(value.toString()));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
