package dev.payhooks.adapters.management;

import dev.payhooks.domain.hub.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every management API resource reads of its request: the key it authenticated with and
 * the URI it was sent to.
 */
abstract class ManagementResource {

    @Inject
    ApiCaller caller;

    @Inject
    PublicUrl publicUrl;

    @Context
    UriInfo uri;

    /** 201 Created with the new resource's location, below the request's URI, and its JSON. */
    Response created(String id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(entity).build();
    }

    /** The absolute URL of {@code path} below the API, as the hub's public URL names it. */
    String apiUrl(String path) {
        return publicUrl.resolve("api/" + path, () -> uri.getBaseUri().toString() + path);
    }
}
