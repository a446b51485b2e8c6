package dev.payhooks.app.config;

import java.util.Objects;

/** A secret setting's value: never shown by {@link #toString()}, so a logged settings object keeps it out of the log. */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
