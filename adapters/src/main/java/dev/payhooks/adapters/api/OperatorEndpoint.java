package dev.payhooks.adapters.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JAX-RS resource class for operators: it answers operator keys only, and no merchant's API key.
 * Every other resource that needs a key answers merchant keys only, so an operator key never reads
 * or changes anything inside a merchant.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OperatorEndpoint {
}
