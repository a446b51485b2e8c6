package dev.payhooks.adapters.management;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.merchant.ApiKey;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The key the current management API request authenticated with: a merchant's API key (the audit
 * trail names it by label and id) or an operator key (named by its masked form). Set by
 * {@link ApiKeyAuthentication}; empty for any other request.
 */
@RequestScoped
public class ApiCaller {

    private Actor actor;
    private ApiKey key;
    private Caller.Operator operator;

    void authenticated(ApiKey key) {
        this.key = key;
        actor = Actor.apiKey(key.label(), key.id());
    }

    void operator(Caller.Operator operatorKey) {
        this.operator = operatorKey;
        actor = Actor.apiKey("operator", operatorKey.fingerprint());
    }

    /** The request's caller as the use cases see it: they decide by its key. */
    public Caller caller() {
        return operator != null ? operator : new Caller.ApiClient(key);
    }

    /** The merchant the request's key belongs to: every management resource acts for it alone. */
    public String merchantId() {
        return key.merchantId();
    }

    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }
}
