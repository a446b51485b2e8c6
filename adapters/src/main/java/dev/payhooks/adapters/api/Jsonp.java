package dev.payhooks.adapters.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider the adapters use. {@code jakarta.json.Json}'s static factories look the
 * provider up again on every call ({@code JsonProvider.provider()}: a {@code ServiceLoader} scan of
 * every jar the web application's class loader sees); profiled on the notification ingest path, that
 * lookup cost more than the database work and serialized requests on the jar files' locks.
 * Use {@code JSON.createObjectBuilder()} and friends instead of {@code Json.…}.
 */
public final class Jsonp {

    /** Looked up once; providers are thread-safe. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
