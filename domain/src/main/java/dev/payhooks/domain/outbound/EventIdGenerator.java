package dev.payhooks.domain.outbound;

import java.security.SecureRandom;

/** Where new event ids come from; tests pass a fixed sequence so their ids are known. */
@FunctionalInterface
public interface EventIdGenerator {

    EventId next();

    /** Unguessable ids: receivers may use the id as a dedup key, so it must not be predictable or collide. */
    static EventIdGenerator secureRandom() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[EventId.BYTES];
            random.nextBytes(bytes);
            return EventId.fromBytes(bytes);
        };
    }
}
