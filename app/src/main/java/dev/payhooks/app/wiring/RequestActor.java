package dev.payhooks.app.wiring;

import dev.payhooks.adapters.management.ApiCaller;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * Who the audit trail names for a change: the API key of a management API request, else the
 * staff member signed in to the console, else Payhooks itself (startup, schedulers: no request).
 */
@ApplicationScoped
public class RequestActor implements CurrentActor {

    @Inject
    ApiCaller apiCaller;

    @Inject
    SecurityContext security;

    @Override
    public Actor current() {
        Optional<Actor> api;
        try {
            api = apiCaller.actor();
        } catch (ContextNotActiveException noRequest) {
            return Actor.SYSTEM;
        }
        if (api.isPresent()) {
            return api.get();
        }
        Principal staff;
        try {
            staff = security.getCallerPrincipal();
        } catch (IllegalStateException noCallerHere) {
            // the container refuses caller access in lifecycle callbacks (startup's @PostConstruct): no caller
            return Actor.SYSTEM;
        }
        return staff == null ? Actor.SYSTEM : Actor.staff(staff.getName());
    }
}
