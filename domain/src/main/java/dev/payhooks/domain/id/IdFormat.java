package dev.payhooks.domain.id;

import dev.payhooks.domain.error.InvalidValue;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What an identity value may look like. Every id value object checks its value with one of
 * these, so ids of one kind are refused with the same words wherever they come from.
 */
public enum IdFormat {

    /** An id the hub makes (an id generator port); ids travel in URLs and outbound payloads, so URL-safe. */
    HUB(Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}").asMatchPredicate(),
        "1-64 characters of A-Z, a-z, 0-9, '_', '-' starting with a letter or digit"),

    /** An id a counterpart made, e.g. a Saleor GraphQL id such as {@code RnVsZmlsbG1lbnQ6MQ==}. */
    EXTERNAL(value -> !value.isEmpty() && value.length() <= 255
        && value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
        "1-255 characters without blanks");

    private final Predicate<String> valid;
    private final String rule;

    IdFormat(Predicate<String> valid, String rule) {
        this.valid = valid;
        this.rule = rule;
    }

    /** {@code value} when it has this format; otherwise {@link InvalidValue} naming {@code what} it was meant to be. */
    public String require(String value, String what) {
        if (value == null || !valid.test(value)) {
            throw new InvalidValue(what + " " + InvalidValue.echo(value) + " must be " + rule);
        }
        return value;
    }
}
