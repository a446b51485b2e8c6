package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.InvalidValue;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A carrier's tracking (slip) number as staff typed it into Saleor. Surrounding blanks are
 * dropped and full-width characters (common in Japanese input: "１２３４") are folded to
 * ASCII; what remains must be letters and digits, optionally grouped by single hyphens,
 * at most {@value #MAX_LENGTH} characters. Providers may be stricter (NP Atobarai's
 * {@code slip_no} is 1–20 characters): their adapters check {@link #length()}.
 */
public record TrackingNumber(String value) {

    public static final int MAX_LENGTH = 50;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    public TrackingNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("tracking number is missing");
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("tracking number " + InvalidValue.echo(value) + " is longer than "
                + MAX_LENGTH + " characters");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValue("tracking number " + InvalidValue.echo(value)
                + " must be letters and digits, optionally grouped by single hyphens");
        }
    }

    public static TrackingNumber of(String value) {
        return new TrackingNumber(value);
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return value;
    }
}
