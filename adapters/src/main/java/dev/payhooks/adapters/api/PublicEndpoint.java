package dev.payhooks.adapters.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JAX-RS resource class that answers without a merchant API key because it authenticates its
 * callers in its own way: provider notification receivers (unguessable endpoint key, Basic
 * authentication, signatures), the Saleor apps (Saleor's signed webhooks and app token), the
 * published Ed25519 public keys (nothing secret; read only) and the
 * sandbox provider simulators (sandbox mode only, and acting on a channel only through its endpoint
 * key). Every resource without it requires {@code Authorization: Bearer <API key>}: the API key
 * filter decides on the resource the request matched, never on the spelling of its path.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicEndpoint {
    /** Why this resource needs no API key, and what authenticates its callers instead. */
    String value();
}
