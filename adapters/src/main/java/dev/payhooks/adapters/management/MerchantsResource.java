package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.api.OperatorEndpoint;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.merchants.ManageSaleorApiUrls;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.api.Jsonp.arrayOf;

/** The installation's merchants, for operators: their keys reach this resource and no other. */
@Path("v1/merchants")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@OperatorEndpoint
@Tag(name = "Merchants (operators)", description = "Operator keys only: add, list, disable and enable merchants, issue their"
    + " API keys, assign them their own Saleor API URLs")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid key")
@APIResponse(responseCode = "403", description = "Not an operator key")
public class MerchantsResource extends ManagementResource {

    @Inject
    ManageMerchants manage;

    @Inject
    ManageSaleorApiUrls saleorApiUrls;

    @GET
    @Operation(summary = "List merchants, oldest first (the first is the installation's own)")
    public JsonArray list() {
        return arrayOf(manage.list(caller.caller()), MerchantResource::json);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One merchant")
    @APIResponse(responseCode = "404", description = "No such merchant")
    public JsonObject get(@PathParam("id") String id) {
        return MerchantResource.json(manage.get(caller.caller(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a merchant", description = "Body: {\"name\": \"...\"}. Issue its first API key next.")
    @APIResponse(responseCode = "201", description = "Added")
    public Response create(InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("name");
        Merchant merchant = manage.create(caller.caller(), json.requiredString("name"));
        return created(merchant.id(), MerchantResource.json(merchant));
    }

    @POST
    @Path("{id}/disable")
    @Transactional
    @Operation(summary = "Disable a merchant: its API keys are refused (403) until it is enabled again")
    @APIResponse(responseCode = "404", description = "No such merchant")
    @APIResponse(responseCode = "409", description = "The installation's own merchant, which the console acts for")
    public JsonObject disable(@PathParam("id") String id) {
        return MerchantResource.json(manage.disable(caller.caller(), id));
    }

    @POST
    @Path("{id}/enable")
    @Transactional
    @Operation(summary = "Enable a disabled merchant again")
    @APIResponse(responseCode = "404", description = "No such merchant")
    public JsonObject enable(@PathParam("id") String id) {
        return MerchantResource.json(manage.enable(caller.caller(), id));
    }

    @POST
    @Path("{id}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Issue an API key for a merchant", description = "Body: {\"label\": \"...\"}. The response holds the key once;"
        + " the merchant's audit trail records the issue.")
    @APIResponse(responseCode = "201", description = "Issued; `key` is shown only in this response")
    @APIResponse(responseCode = "404", description = "No such merchant")
    @APIResponse(responseCode = "409", description = "The merchant is disabled")
    public Response issueKey(@PathParam("id") String id, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("label");
        ManageApiKeys.IssuedKey issued = manage.issueKey(caller.caller(), id, json.requiredString("label"));
        return Response.status(201).entity(JSON.createObjectBuilder(ApiKeysResource.keyJson(issued.key()).build())
            .add("merchantId", issued.key().merchantId()).add("key", issued.plaintext()).build()).build();
    }

    @GET
    @Path("{id}/saleor-api-urls")
    @Operation(summary = "The Saleor API URLs assigned to a merchant, ordered by URL")
    @APIResponse(responseCode = "404", description = "No such merchant")
    public JsonArray saleorApiUrls(@PathParam("id") String id) {
        return arrayOf(saleorApiUrls.list(caller.caller(), id), MerchantsResource::json);
    }

    @POST
    @Path("{id}/saleor-api-urls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Assign a Saleor API URL to a merchant", description = "Body: {\"apiUrl\": \"https://shop.example/graphql/\"}"
        + " (the GraphQL URL Saleor sends as Saleor-Api-Url, matched exactly). Saleor apps installed from it work for this"
        + " merchant; the URL need not be on payhooks.saleor.allowed-urls, but the SSRF guard must let the hub call its host."
        + " The merchant's audit trail records it.")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "400", description = "Not an absolute http(s) URL, or a host the hub may not call")
    @APIResponse(responseCode = "404", description = "No such merchant")
    @APIResponse(responseCode = "409", description = "The URL is assigned already, or an installation from it works for another merchant")
    public Response assignSaleorApiUrl(@PathParam("id") String id, InputStream body) {
        return Response.status(201).entity(assigned(id, body)).build();
    }

    /** The assignment a POST made, as its answer shows it. */
    JsonObject assigned(String id, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("apiUrl");
        return json(saleorApiUrls.assign(caller.caller(), id, json.requiredString("apiUrl")));
    }

    @DELETE
    @Path("{id}/saleor-api-urls")
    @Transactional
    @Operation(summary = "Take a Saleor API URL from a merchant", description = "Query: apiUrl. New installations from it"
        + " are refused unless the allow-list names it; installations made from it keep working until staff remove them.")
    @APIResponse(responseCode = "204", description = "Taken away")
    @APIResponse(responseCode = "404", description = "No such merchant, or the URL is not assigned to it")
    public void unassignSaleorApiUrl(@PathParam("id") String id, @QueryParam("apiUrl") String apiUrl) {
        saleorApiUrls.unassign(caller.caller(), id, apiUrl);
    }

    static JsonObject json(AssignedSaleorApiUrl assigned) {
        return JSON.createObjectBuilder().add("apiUrl", assigned.apiUrl()).add("merchantId", assigned.merchantId())
            .add("createdAt", assigned.createdAt().toString()).build();
    }
}
