package dev.payhooks.adapters.api;

import dev.payhooks.domain.error.InvalidField;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * The query parameters every list endpoint shares: {@code limit}, {@code from}/{@code to}
 * instants, and the opaque keyset cursor (a position of creation time and id, Base64URL).
 */
public final class ListQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** A cursor's content: the last item's creation time and id. */
    public record Position(Instant createdAt, String id) { }

    private ListQuery() {
    }

    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is accepted
        }
        throw new InvalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    /** One page of a list: {@code {"items": [...], "nextCursor": "..."}}, without {@code nextCursor} on the last page. */
    public static <T> JsonObject page(Iterable<? extends T> items, Function<? super T, ? extends JsonValue> json,
                                      Optional<String> nextCursor) {
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("items", Jsonp.arrayOf(items, json));
        nextCursor.ifPresent(next -> answer.add("nextCursor", next));
        return answer.build();
    }

    public static String cursor(Instant createdAt, String id) {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor this API made; anything else is an invalid {@code cursor}. */
    public static Position position(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String[] time = raw.substring(0, bar).split("\\.");
            String id = raw.substring(bar + 1);
            if (time.length != 2 || id.isEmpty()) {
                throw new IllegalArgumentException("malformed");
            }
            return new Position(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), id);
        } catch (RuntimeException malformed) {
            throw new InvalidField("cursor", "is not a cursor this API returned");
        }
    }
}
