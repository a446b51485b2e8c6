package dev.payhooks.adapters.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Map;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * JSON merge patch (RFC 7396): a patch object's members replace the target's, {@code null}
 * removes a member, nested objects merge member by member, anything else (arrays included)
 * replaces the whole value. Plain Java over JSON-P, so it is testable without a runtime.
 */
public final class MergePatch {

    /** The media type of a merge-patch body. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    public static JsonValue apply(JsonValue target, JsonValue patch) {
        if (patch == null || patch.getValueType() != JsonValue.ValueType.OBJECT) {
            return patch;
        }
        JsonObject base = target != null && target.getValueType() == JsonValue.ValueType.OBJECT
            ? target.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder merged = JSON.createObjectBuilder(base);
        for (Map.Entry<String, JsonValue> member : patch.asJsonObject().entrySet()) {
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                merged.remove(member.getKey());
            } else {
                merged.add(member.getKey(), apply(base.get(member.getKey()), member.getValue()));
            }
        }
        return merged.build();
    }

    public static JsonObject apply(JsonObject target, JsonObject patch) {
        return apply((JsonValue) target, (JsonValue) patch).asJsonObject();
    }
}
