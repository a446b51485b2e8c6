package dev.payhooks.domain.refund;

import dev.payhooks.domain.error.InvalidValue;

import java.util.regex.Pattern;

/** The hub's own identity of a refund (made by an id generator port). */
public record RefundId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public RefundId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("refund id " + InvalidValue.echo(value)
                + " must be 1-64 characters of A-Z, a-z, 0-9, '_', '-' starting with a letter or digit");
        }
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
