package dev.payhooks.domain.outbound;

import java.util.Objects;

/**
 * A kind of event a webhook subscription can listen to, e.g. {@code transaction.sale.success}.
 * {@link EventCatalog} holds every type there is; the description is what the admin UI shows.
 */
public record EventType(String name, String description, Origin origin) {

    /** Where a type comes from: the seed's catalog (publishable by merchants) or the hub's providers. */
    public enum Origin { SEED, HUB }

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
    }
}
