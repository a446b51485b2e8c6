package dev.payhooks.app.wiring;

import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.RandomBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What every area shares: the clock, identifiers, randomness and the hub's public URL. */
@ApplicationScoped
public class PlatformWiring {

    @Inject
    PayhooksSettings settings;

    @Produces
    @Singleton
    IdGenerator ids() {
        return new SecureIds();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One strong random source for the application; seeding a new one per request costs on hot paths. */
    @Produces
    @Singleton
    RandomBytes randomBytes() {
        return RandomBytes.secure();
    }

    @Produces
    @Singleton
    EventIdGenerator eventIds() {
        return EventIdGenerator.secureRandom();
    }

    /**
     * The base of every absolute URL the hub hands out; required in production mode (a request's
     * Host header is never used there). A pseudo-scope: a final class has no client proxy.
     */
    @Produces
    @Singleton
    PublicUrl hubPublicUrl() {
        return settings.publicUrl();
    }
}
