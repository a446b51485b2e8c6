package dev.payhooks.app.config;

import java.util.Optional;

/** Where the raw settings come from: MicroProfile Config in the server, a map in tests. */
public interface SettingsSource {

    /** The raw value of {@code key}, if set. */
    Optional<String> value(String key);

    /** Where {@code key}'s value came from (the name of the config source), for messages about a bad value. */
    String origin(String key);
}
