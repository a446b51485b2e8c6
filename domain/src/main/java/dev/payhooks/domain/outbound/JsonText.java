package dev.payhooks.domain.outbound;

import java.util.List;
import java.util.Objects;

/**
 * Writes one JSON object for an outbound event's {@code object}: string, number, nested-object
 * and array-of-object members, with every string escaped (RFC 8259). The domain has no JSON
 * library; this is the one place it produces JSON text from untrusted values.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    public static JsonText object() {
        return new JsonText();
    }

    /** A string member; a null value is left out. */
    public JsonText string(String name, String value) {
        if (value != null) {
            name(name);
            quote(out, value);
        }
        return this;
    }

    /** A number member, written as given (the caller passes digits, e.g. a minor-unit count). */
    public JsonText number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A member whose value is another object built with this class; a null value is left out. */
    public JsonText object(String name, JsonText value) {
        if (value == null) {
            return this;
        }
        name(name);
        out.append(value.toJson());
        return this;
    }

    /** A member whose value is an array of objects built with this class; an empty list is left out. */
    public JsonText array(String name, List<JsonText> items) {
        if (items.isEmpty()) {
            return this;
        }
        name(name);
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i).toJson());
        }
        out.append(']');
        return this;
    }

    public String toJson() {
        return out + "}";
    }

    @Override
    public String toString() {
        return toJson();
    }

    private void name(String name) {
        Objects.requireNonNull(name, "name");
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
    }

    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // control characters, and the two line separators some JavaScript parsers choke on
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
