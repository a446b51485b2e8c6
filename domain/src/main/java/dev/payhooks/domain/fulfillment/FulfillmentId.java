package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.InvalidValue;

/** Saleor's id of the fulfillment (a GraphQL id such as {@code RnVsZmlsbG1lbnQ6MQ==}). */
public record FulfillmentId(String value) {

    public FulfillmentId {
        if (value == null || value.isEmpty() || value.length() > 255
            || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValue("fulfillment id " + InvalidValue.echo(value)
                + " must be 1-255 characters without blanks");
        }
    }

    public static FulfillmentId of(String value) {
        return new FulfillmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
