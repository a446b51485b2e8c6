package dev.payhooks.domain.audit;

/**
 * Who is making the change at hand (port): the signed-in staff member, the API key of the
 * request, or {@link Actor#SYSTEM} when neither (startup, background work). The app answers it
 * from the request, so the use cases record changes without every caller passing who it is.
 */
@FunctionalInterface
public interface CurrentActor {

    Actor current();
}
