package dev.payhooks.admin.eventlog;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pretty-printed JSON with its keys, strings, numbers and literals in colours, built from text
 * nodes (never markup from the payload). Text that is not JSON, or larger than
 * {@link #MAX_CHARS}, stays plain: one element per token would make a large body slow to show.
 */
final class JsonHighlight {

    static final int MAX_CHARS = 64 * 1024;

    private static final Pattern TOKEN = Pattern.compile(
        "(\"(?:[^\"\\\\]|\\\\.)*\")(\\s*:)?|(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|\\b(true|false|null)\\b");

    private JsonHighlight() {
    }

    /** Fills {@code block} with {@code text}, highlighted when it is JSON of a reasonable size. */
    static void fill(Pre block, String text) {
        String trimmed = text.stripLeading();
        if (text.length() > MAX_CHARS || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            block.setText(text);
            return;
        }
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                block.add(new Span(text.substring(at, m.start())));
            }
            if (m.group(1) != null) {
                boolean key = m.group(2) != null;
                block.add(colored(m.group(1), key ? "json-key" : "json-string"));
                if (key) {
                    block.add(new Span(m.group(2)));
                }
            } else if (m.group(3) != null) {
                block.add(colored(m.group(3), "json-number"));
            } else {
                block.add(colored(m.group(4), "json-literal"));
            }
            at = m.end();
        }
        if (at < text.length()) {
            block.add(new Span(text.substring(at)));
        }
    }

    private static Span colored(String token, String kind) {
        Span span = new Span(token);
        span.addClassName(kind);
        span.getStyle().set("color", switch (kind) {
            case "json-key" -> "var(--lumo-primary-text-color)";
            case "json-string" -> "var(--lumo-success-text-color)";
            case "json-number" -> "var(--lumo-error-text-color)";
            default -> "var(--lumo-secondary-text-color)";
        });
        return span;
    }
}
