package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.domain.provider.MalformedNotification;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Annanow (Payrexx) notification body as one tree, whichever way it was sent: JSON, or PHP
 * form fields with nested keys ({@code transaction[invoice][products][0][sku]=…}). Nodes are
 * maps (field name → node), lists, and text leaves: JSON numbers become their source text and
 * booleans "true"/"false", as form values are always text; JSON null is left out. A map whose
 * keys are exactly 0, 1, … n-1 is a list (PHP's arrays are both), so both encodings of the same
 * data give equal trees.
 */
public final class AnnanowFields {

    static final int MAX_FIELDS = 2000;
    static final int MAX_DEPTH = 12;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LIST_INDEX = 1000;

    private final Map<String, Object> root;

    private AnnanowFields(Map<String, Object> root) {
        this.root = root;
    }

    public Map<String, Object> tree() {
        return root;
    }

    // ---- JSON ------------------------------------------------------------------------------------

    public static AnnanowFields fromJson(byte[] body) {
        JsonObject object = ProviderJson.object(body);
        int[] count = {0};
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) normalized(fromJsonValue(object, 0, count));
        return new AnnanowFields(tree);
    }

    private static Object fromJsonValue(JsonValue value, int depth, int[] count) {
        if (depth > MAX_DEPTH) {
            throw new MalformedNotification("the body nests deeper than " + MAX_DEPTH + " levels");
        }
        if (++count[0] > MAX_FIELDS) {
            throw new MalformedNotification("the body has more than " + MAX_FIELDS + " fields");
        }
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    if (member.getValue().getValueType() != JsonValue.ValueType.NULL) {
                        map.put(member.getKey(), fromJsonValue(member.getValue(), depth + 1, count));
                    }
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    if (item.getValueType() != JsonValue.ValueType.NULL) {
                        list.add(fromJsonValue(item, depth + 1, count));
                    }
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> throw new IllegalStateException("nulls are left out above");
        };
    }

    // ---- PHP form fields ----------------------------------------------------------------------

    public static AnnanowFields fromForm(byte[] body) {
        ProviderJson.requireUtf8(body);
        String text = new String(body, StandardCharsets.US_ASCII);
        Map<String, Object> root = new LinkedHashMap<>();
        int fields = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > MAX_FIELDS) {
                throw new MalformedNotification("the form has more than " + MAX_FIELDS + " fields");
            }
            int equals = pair.indexOf('=');
            String name = percentDecoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : percentDecoded(pair.substring(equals + 1));
            insert(root, path(name), value);
        }
        if (root.isEmpty()) {
            throw new MalformedNotification("the form has no fields");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) normalized(root);
        return new AnnanowFields(tree);
    }

    /** "transaction[invoice][products][0][sku]" → [transaction, invoice, products, 0, sku]; "" for "[]". */
    static List<String> path(String name) {
        int open = name.indexOf('[');
        String base = open < 0 ? name : name.substring(0, open);
        if (base.isEmpty()) {
            throw new MalformedNotification("a form field has no name before its brackets");
        }
        if (base.indexOf(']') >= 0) {
            throw new MalformedNotification("form field name '" + echo(name) + "' has a ']' without '['");
        }
        List<String> path = new ArrayList<>();
        path.add(checkedName(base, name));
        int at = open;
        while (at >= 0 && at < name.length()) {
            if (name.charAt(at) != '[') {
                throw new MalformedNotification("form field name '" + echo(name) + "' has text after a ']'");
            }
            int close = name.indexOf(']', at);
            if (close < 0) {
                throw new MalformedNotification("form field name '" + echo(name) + "' has a '[' without ']'");
            }
            String segment = name.substring(at + 1, close);
            if (segment.indexOf('[') >= 0) {
                throw new MalformedNotification("form field name '" + echo(name) + "' nests brackets");
            }
            path.add(segment.isEmpty() ? "" : checkedName(segment, name));
            if (path.size() > MAX_DEPTH) {
                throw new MalformedNotification("form field name '" + echo(name) + "' nests deeper than " + MAX_DEPTH);
            }
            at = close + 1;
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            if (segment.isEmpty()) {
                // "[]" appends: the next index of this node
                segment = String.valueOf(node.size());
                if (node.size() > MAX_LIST_INDEX) {
                    throw new MalformedNotification("a form list has more than " + MAX_LIST_INDEX + " items");
                }
            }
            boolean last = i == path.size() - 1;
            Object existing = node.get(segment);
            if (last) {
                if (existing instanceof Map) {
                    throw new MalformedNotification("form field '" + echo(String.join(".", path)) + "' is both a value and a group");
                }
                node.put(segment, value); // PHP semantics: a repeated field's last value wins
            } else if (existing == null) {
                Map<String, Object> child = new LinkedHashMap<>();
                node.put(segment, child);
                node = child;
            } else if (existing instanceof Map) {
                node = (Map<String, Object>) existing;
            } else {
                throw new MalformedNotification("form field '" + echo(String.join(".", path)) + "' is both a value and a group");
            }
        }
    }

    /** Maps keyed exactly 0..n-1 become lists, everywhere in the tree. */
    @SuppressWarnings("unchecked")
    static Object normalized(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> result.put(k, normalized(v)));
            if (!result.isEmpty() && isIndexed(result)) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < result.size(); i++) {
                    list.add(result.get(String.valueOf(i)));
                }
                return list;
            }
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(normalized(item)));
            return result;
        }
        return node;
    }

    private static boolean isIndexed(Map<String, Object> map) {
        for (int i = 0; i < map.size(); i++) {
            if (!map.containsKey(String.valueOf(i))) {
                return false;
            }
        }
        return true;
    }

    private static String checkedName(String segment, String whole) {
        if (segment.length() > MAX_NAME_LENGTH || segment.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedNotification("form field name '" + echo(whole) + "' is too long or has control characters");
        }
        return segment;
    }

    /** application/x-www-form-urlencoded decoding into strict UTF-8: '+' is a blank, %XX a byte. */
    static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new MalformedNotification("the form has a '%' that is not followed by two hex digits");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                throw new MalformedNotification("the form has characters that are not percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        byte[] decoded = bytes.toByteArray();
        ProviderJson.requireUtf8(decoded);
        String value = new String(decoded, StandardCharsets.UTF_8);
        if (value.indexOf('\0') >= 0) {
            // as in JSON bodies (JsonInput): PostgreSQL text cannot hold U+0000
            throw new MalformedNotification("the form has a NUL character (%00)");
        }
        return value;
    }

    private static String echo(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The node at a path of field names, if there is one. */
    public Optional<Object> at(String... path) {
        Object node = root;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(name);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    public boolean hasGroup(String... path) {
        return at(path).map(node -> node instanceof Map).orElse(false);
    }

    /** A text field; a group or list there is malformed. */
    public Optional<String> text(String... path) {
        Optional<Object> node = at(path);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof String text) {
            return Optional.of(text);
        }
        throw new MalformedNotification(String.join(".", path) + " must be a value, not a group or list");
    }

    /** A non-blank text field that is required. */
    public String requiredText(String... path) {
        String text = text(path).map(String::strip).orElse("");
        if (text.isEmpty()) {
            throw new MalformedNotification(String.join(".", path) + " is required");
        }
        return text;
    }

    /** A whole non-negative number (ids, amounts in the smallest unit) of at most 18 digits. */
    public Optional<Long> wholeNumber(String... path) {
        return text(path).map(String::strip).filter(t -> !t.isEmpty()).map(text -> {
            if (!text.matches("[0-9]{1,18}")) {
                throw new MalformedNotification(String.join(".", path)
                    + " must be a whole non-negative number of at most 18 digits");
            }
            return Long.parseLong(text);
        });
    }

    /** A whole non-negative number that is required. */
    public long requiredWholeNumber(String... path) {
        return wholeNumber(path).orElseThrow(() -> new MalformedNotification(String.join(".", path) + " is required"));
    }
}
