package dev.payhooks.adapters.management;


import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.channels.ManageChannels.ChannelDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calling merchant's channels and their provider configurations. One instance serves every
 * request: the caller and the request's URI come through proxies of the request's own.
 */
@Path("v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Channels", description = "Sales channels and their per-provider configuration")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class ChannelsResource extends ManagementResource {

    @Inject
    ManageChannels channels;

    @GET
    @Operation(summary = "List channels")
    public JsonArray list() {
        return arrayOf(channels.list(caller.merchantId()), this::channelJson);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Open a channel", description = "Body: {\"slug\", \"name\", \"currency\", \"country\"}")
    @RequestBody(description = "{\"slug\": \"jp-store\", \"name\": \"Japan\", \"currency\": \"JPY\", \"country\": \"JP\"}")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "409", description = "The slug exists already")
    public Response open(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("slug", "name", "currency", "country");
        Channel channel = channels.open(caller.caller(), new ChannelDescription(json.requiredString("slug"),
            json.requiredString("name"), json.requiredString("currency"), json.requiredString("country")));
        return created(channel.slug(), channelJson(channel));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Read a channel")
    @APIResponse(responseCode = "404", description = "No such channel")
    public JsonObject get(@PathParam("slug") String slug) {
        return channelJson(channels.get(caller.merchantId(), slug));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change a channel's name, currency and country", description = "The slug cannot change.")
    public JsonObject describe(@PathParam("slug") String slug, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("slug", "name", "currency", "country");
        return channelJson(channels.describe(caller.caller(), slug, new ChannelDescription(json.optionalString("slug"),
            json.requiredString("name"), json.requiredString("currency"), json.requiredString("country"))));
    }

    @DELETE
    @Path("{slug}")
    @Transactional
    @Operation(summary = "Close a channel and remove its provider configurations")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response close(@PathParam("slug") String slug) {
        channels.close(caller.caller(), slug);
        return Response.noContent().build();
    }

    @PUT
    @Path("{slug}/providers/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Configure a provider for the channel",
        description = "Replaces the configuration. Secrets are write-only: a secret left out keeps its stored value. "
            + "Fields per provider: np-atobarai {merchantCode, secretSpCode, terminalId, shippingCompanyCode, skuAsName, "
            + "environment, apiBaseUrl}; adyen {apiKey, merchantAccount, clientKey, environment, apiBaseUrl, captureStrategy, "
            + "hmacKeys[], notificationUsername, notificationPassword}; walley {clientId, clientSecret, scope, authBaseUrl, "
            + "apiBaseUrl, webhookUsername, webhookPassword, webhookHmacKey, verifySignature}; annanow {instance, apiSecret, "
            + "apiBaseUrl, authMode, username, password, confirmByRefetch}.")
    @APIResponse(responseCode = "200", description = "The configuration, secrets masked, with the notification URL")
    @APIResponse(responseCode = "404", description = "No such channel or provider")
    public JsonObject configure(@PathParam("slug") String slug, @PathParam("provider") String provider, InputStream body) {
        ProviderId id = provider(provider);
        JsonBody json = JsonBody.read(body);
        Map<String, SettingInput> input = new LinkedHashMap<>();
        json.object().forEach((name, value) -> input.put(name, settingInput(value)));
        Channel channel = channels.configureProvider(caller.caller(), slug, id, input);
        return providerJson(channel, channel.provider(id).orElseThrow());
    }

    @GET
    @Path("{slug}/providers/{provider}")
    @Operation(summary = "Read a provider's configuration (secrets masked)")
    public JsonObject providerSettings(@PathParam("slug") String slug, @PathParam("provider") String provider) {
        Channel channel = channels.get(caller.merchantId(), slug);
        ProviderId id = provider(provider);
        return providerJson(channel, channel.provider(id)
            .orElseThrow(() -> new NotFound(id.slug() + " configuration of channel '" + slug + "'")));
    }

    @DELETE
    @Path("{slug}/providers/{provider}")
    @Transactional
    @Operation(summary = "Remove a provider's configuration from the channel")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeProvider(@PathParam("slug") String slug, @PathParam("provider") String provider) {
        channels.removeProvider(caller.caller(), slug, provider(provider));
        return Response.noContent().build();
    }

    private static ProviderId provider(String slug) {
        try {
            return ProviderId.fromSlug(slug);
        } catch (InvalidValue unknown) {
            throw new NotFound("provider '" + slug + "'");
        }
    }

    static SettingInput settingInput(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> new SettingInput.Text(((JsonString) value).getString());
            case TRUE -> new SettingInput.Flag(true);
            case FALSE -> new SettingInput.Flag(false);
            case ARRAY -> {
                List<String> items = new ArrayList<>();
                for (JsonValue item : value.asJsonArray()) {
                    if (!(item instanceof JsonString s)) {
                        yield new SettingInput.Other("a list containing " + JsonBody.describe(item));
                    }
                    items.add(s.getString());
                }
                yield new SettingInput.TextList(items);
            }
            default -> new SettingInput.Other(JsonBody.describe(value));
        };
    }

    private JsonObject channelJson(Channel channel) {
        JsonArrayBuilder providers = JSON.createArrayBuilder();
        channel.providers().keySet().forEach(p -> providers.add(p.slug()));
        // where each provider that notifies the hub must send its notifications for this channel
        JsonObjectBuilder notificationUrls = JSON.createObjectBuilder();
        channel.providers().values().forEach(settings -> settings.endpointKey()
            .ifPresent(key -> notificationUrls.add(settings.provider().slug(), notificationUrl(settings.provider(), key))));
        return JSON.createObjectBuilder()
            .add("slug", channel.slug())
            .add("name", channel.name())
            .add("currency", channel.currency())
            .add("country", channel.country())
            .add("providers", providers)
            .add("notificationUrls", notificationUrls)
            .add("createdAt", channel.createdAt().toString())
            .add("updatedAt", channel.updatedAt().toString())
            .build();
    }

    private JsonObject providerJson(Channel channel, ProviderSettings settings) {
        JsonObjectBuilder shown = JSON.createObjectBuilder();
        channels.displayed(settings).forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                shown.add(name, flag);
            } else if (value instanceof List<?> list) {
                JsonArrayBuilder items = JSON.createArrayBuilder();
                list.forEach(item -> items.add(String.valueOf(item)));
                shown.add(name, items);
            } else {
                shown.add(name, String.valueOf(value));
            }
        });
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("channel", channel.slug())
            .add("provider", settings.provider().slug())
            .add("settings", shown);
        settings.endpointKey().ifPresent(key -> json.add("notificationUrl", notificationUrl(settings.provider(), key)));
        return json.build();
    }

    /** Where the provider must send its notifications for this channel. */
    private String notificationUrl(ProviderId provider, String endpointKey) {
        return apiUrl("notifications/" + provider.slug() + "/" + endpointKey);
    }
}
