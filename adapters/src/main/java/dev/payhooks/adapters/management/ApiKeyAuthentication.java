package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.ApiError;
import dev.payhooks.adapters.api.OperatorEndpoint;
import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.application.merchants.ApiAccess;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <API key>} on every request to a resource of the API unless its
 * class is a {@link PublicEndpoint}. The decision is made after matching, on the resource the
 * request reached, never on the spelling of its path: matrix parameters ({@code /api/v1;a=b/…}),
 * dot segments, doubled or encoded slashes and case tricks all end at a resource class, and a
 * resource nobody marked public needs a key. The key decides the merchant: resources read it from
 * {@link ApiCaller#merchantId()} (the {@link SecurityContext}'s principal names the same merchant)
 * and never from the request.
 *
 * <p>{@link ApiAccess} tells what the key is. An {@link OperatorEndpoint} takes operator keys only;
 * every other resource takes an enabled merchant's keys only (403 for the other kind, and for a
 * disabled merchant's key; 401 for no valid key at all).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyAuthentication implements ContainerRequestFilter {

    @Inject
    ApiAccess access;

    @Inject
    ApiCaller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!requiresKey(resource.getResourceClass())) {
            return;
        }
        ApiAccess.Access found = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .map(presented -> access.authenticate(presented)).orElseGet(ApiAccess.Refused::new);
        Class<?> reached = resource.getResourceClass();
        boolean forOperators = reached != null && reached.isAnnotationPresent(OperatorEndpoint.class);
        Principal principal;
        if (found instanceof ApiAccess.MerchantKey merchant && !forOperators) {
            principal = new MerchantPrincipal(merchant.key().merchantId(), merchant.key().id());
            caller.authenticated(merchant.key());
        } else if (found instanceof ApiAccess.OperatorKey operator && forOperators) {
            principal = operator.operator()::fingerprint;
            caller.operator(operator.operator());
        } else {
            request.abortWith(refusal(found));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override public Principal getUserPrincipal() { return principal; }
            @Override public boolean isUserInRole(String role) { return false; }
            @Override public boolean isSecure() { return secure; }
            @Override public String getAuthenticationScheme() { return "Bearer"; }
        });
    }

    Response unauthorized() {
        return Response.status(401)
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"payhooks\"")
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ApiError("unauthorized", "A valid API key is required: Authorization: Bearer <key>"))
            .build();
    }

    /** The answer to a key that may not use the resource it reached. */
    Response refusal(ApiAccess.Access found) {
        if (found instanceof ApiAccess.MerchantDisabled) {
            return forbidden("The merchant of this API key is disabled; an operator can enable it again");
        }
        if (found instanceof ApiAccess.MerchantKey) {
            return forbidden("Only operator keys manage merchants");
        }
        if (found instanceof ApiAccess.OperatorKey) {
            return forbidden("An operator key manages merchants only; use the merchant's own API key");
        }
        return unauthorized();
    }

    static Response forbidden(String message) {
        return Response.status(403)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ApiError("forbidden", message))
            .build();
    }

    /** Whether a request that matched this resource class needs an API key: all but the public ones (unknown: yes). */
    public static boolean requiresKey(Class<?> resourceClass) {
        return resourceClass == null || !resourceClass.isAnnotationPresent(PublicEndpoint.class);
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
