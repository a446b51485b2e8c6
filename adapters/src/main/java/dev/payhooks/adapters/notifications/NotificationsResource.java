package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.api.PublicEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * Where Adyen, Walley and Annanow send their notifications for a channel. The
 * endpoint key is the unguessable part of the channel's notification URL. One instance serves
 * every request (the request's headers come as a parameter): nothing is built per request.
 */
@Path("notifications/{provider}/{endpointKey}")
@PublicEndpoint("provider notifications: the endpoint key, Basic authentication and signatures")
@ApplicationScoped
@Tag(name = "Provider notifications", description = "Webhooks from payment providers")
public class NotificationsResource {

    @Inject
    NotificationEndpoint endpoint;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Receive a provider notification",
        description = "Stored before it is acknowledged, verified, deduplicated and applied to the payment it names.")
    @APIResponse(responseCode = "200", description = "Stored (or a duplicate of a stored one)")
    @APIResponse(responseCode = "400", description = "Not a notification of this provider")
    @APIResponse(responseCode = "401", description = "Authentication or signature check failed")
    @APIResponse(responseCode = "404", description = "No such notification URL")
    @APIResponse(responseCode = "413", description = "Body larger than 256 KiB")
    @APIResponse(responseCode = "415", description = "Content type not accepted by this provider")
    public Response receive(@PathParam("provider") String provider, @PathParam("endpointKey") String endpointKey,
                            @Context HttpHeaders headers, InputStream body) {
        NotificationEndpoint.Answer answer = endpoint.handle(provider, endpointKey, headers.getRequestHeaders(), body);
        return Response.status(answer.status()).type(answer.mediaType()).entity(answer.json()).build();
    }
}
