package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.id.IdFormat;

/** Saleor's id of the fulfillment (a GraphQL id such as {@code RnVsZmlsbG1lbnQ6MQ==}). */
public record FulfillmentId(String value) {

    public FulfillmentId {
        IdFormat.EXTERNAL.require(value, "fulfillment id");
    }

    public static FulfillmentId of(String value) { return new FulfillmentId(value); }

    @Override public String toString() { return value; }
}
