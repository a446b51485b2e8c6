package dev.payhooks.domain.outbound;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The id of an outbound event: 64 lower-case hex characters (32 random bytes), sent as
 * {@code event_id} and {@code webhook-id}, and stable across retries and replays.
 */
public record EventId(String value) {

    public static final int BYTES = 32;
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public EventId {
        if (value == null || !HEX_64.matcher(value).matches()) {
            throw new IllegalArgumentException("event id must be 64 lower-case hex characters (was '" + value + "')");
        }
    }

    /** The id spelled by 32 (random) bytes; {@link EventIdGenerator} supplies them. */
    public static EventId fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("an event id is made of exactly " + BYTES + " bytes (got "
                + (bytes == null ? "none" : bytes.length) + ")");
        }
        return new EventId(HexFormat.of().formatHex(bytes));
    }

    @Override public String toString() { return value; }
}
