package dev.payhooks.admin;

import java.util.Locale;
import java.util.Map;

/** Internal names (setting names, action codes) in the words staff read. */
public final class Wording {

    private Wording() {
    }

    /** The label {@code known} has for {@code code}, else {@code words} as a sentence (first letter capital). */
    public static String of(Map<String, String> known, String code, String words) {
        String label = known.get(code);
        if (label != null) {
            return label;
        }
        String lower = words.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? code : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
