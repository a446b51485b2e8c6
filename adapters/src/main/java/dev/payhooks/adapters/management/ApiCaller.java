package dev.payhooks.adapters.management;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.merchant.ApiKey;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The API key the current management API request authenticated with, as the audit trail names
 * it (label and id). Set by {@link ApiKeyAuthentication}; empty for any other request.
 */
@RequestScoped
public class ApiCaller {

    private Actor actor;
    private ApiKey key;

    void authenticated(ApiKey key) {
        this.key = key;
        actor = Actor.apiKey(key.label(), key.id());
    }

    /** The request's caller as the use cases see it: they decide by its key. */
    public Caller caller() {
        return new Caller.ApiClient(key);
    }

    /** The merchant the request's key belongs to: every management resource acts for it alone. */
    public String merchantId() {
        return key.merchantId();
    }

    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }
}
