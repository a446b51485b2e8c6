package dev.payhooks.adapters.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.function.Function;

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

    /** A JSON array of each item as {@code json} writes it, in order. */
    public static <T> JsonArray arrayOf(Iterable<? extends T> items, Function<? super T, ? extends JsonValue> json) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(json.apply(item)));
        return array.build();
    }
}
