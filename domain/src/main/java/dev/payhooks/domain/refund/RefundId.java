package dev.payhooks.domain.refund;

import dev.payhooks.domain.id.IdFormat;

/** The hub's own identity of a refund (made by an id generator port). */
public record RefundId(String value) {

    public RefundId {
        IdFormat.HUB.require(value, "refund id");
    }

    public static RefundId of(String value) { return new RefundId(value); }

    @Override public String toString() { return value; }
}
