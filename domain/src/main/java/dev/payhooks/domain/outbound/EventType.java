package dev.payhooks.domain.outbound;

import java.util.Objects;

/**
 * A kind of event a webhook subscription can listen to, e.g. {@code transaction.sale.success}.
 * {@link EventCatalog} holds every type there is; the description is what the admin UI shows.
 */
public record EventType(String name, String description, Origin origin) {

    /**
     * Who emits a type: {@code MERCHANT} types are publishable by a merchant's own systems (the hub
     * also emits some of them for provider outcomes); {@code HUB} types only the hub emits.
     */
    public enum Origin { MERCHANT, HUB }

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
    }
}
