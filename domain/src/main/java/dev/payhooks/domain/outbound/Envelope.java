package dev.payhooks.domain.outbound;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The envelope every delivery carries:
 * {@code {"type":"event","event_triggered":"2021-04-07 15:14:26","event_type":…,
 * "event_body":{"merchant":{"merch_key":…},"object":…},"event_id":…}}. It is rendered once,
 * when the event is published, and stored: retries and replays send the same bytes.
 */
public final class Envelope {

    private static final DateTimeFormatter TRIGGERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    // The only values spliced in without escaping; each is checked against its pattern first.
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern MERCHANT_KEY = Pattern.compile("[a-z0-9]{1,32}");

    private Envelope() {
    }

    /**
     * @param objectJson the event's object as serialized JSON (an adapter produced it with a JSON
     *                   library; the domain does not parse JSON)
     */
    public static String render(EventId id, String eventType, Instant triggeredAt, String merchantKey, String objectJson) {
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("event type '" + eventType + "' is not a dotted lower-case name");
        }
        if (!MERCHANT_KEY.matcher(merchantKey).matches()) {
            throw new IllegalArgumentException("merchant key must be lower-case letters and digits");
        }
        String object = objectJson.strip();
        if (!object.startsWith("{") || !object.endsWith("}")) {
            throw new IllegalArgumentException("the event object must be a JSON object");
        }
        return "{\"type\":\"event\",\"event_triggered\":\"" + TRIGGERED.format(triggeredAt)
            + "\",\"event_type\":\"" + eventType
            + "\",\"event_body\":{\"merchant\":{\"merch_key\":\"" + merchantKey + "\"},\"object\":" + object
            + "},\"event_id\":\"" + id.value() + "\"}";
    }
}
