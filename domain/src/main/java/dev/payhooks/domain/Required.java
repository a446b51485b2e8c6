package dev.payhooks.domain;

import dev.payhooks.domain.error.InvalidField;

import java.util.Objects;

/** The checks a value, a command or an answer makes of its parts in its constructor. */
public final class Required {

    private Required() {
    }

    /**
     * Throws a {@link NullPointerException} naming the first of {@code values} that is null.
     *
     * @param names the values' names, in their order, separated by ", "
     */
    public static void nonNull(String names, Object... values) {
        String[] named = names.split(", ");
        if (named.length != values.length) {
            throw new IllegalArgumentException(named.length + " names for " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], named[i]);
        }
    }

    /** Throws an {@link IllegalArgumentException} ("{@code name} is required") if {@code value} is null or blank. */
    public static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /**
     * {@code value} without leading and trailing blanks; an {@link InvalidField} for {@code field}
     * ("must be 1-{@code maxLength} characters") when that leaves nothing or more than {@code maxLength}.
     */
    public static String trimmedText(String value, String field, int maxLength) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || trimmed.length() > maxLength) {
            throw new InvalidField(field, "must be 1-" + maxLength + " characters");
        }
        return trimmed;
    }

    /**
     * {@code value}, refused with an {@link IllegalArgumentException} ("{@code name} must not be
     * blank", "… must be at most …") when it is null, blank or longer than {@code maxLength}.
     */
    public static String text(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters (was "
                + value.length() + ")");
        }
        return value;
    }
}
