package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.error.InvalidValue;

import java.util.Objects;

/**
 * One line of NP Atobarai's {@code goods}: a name, a unit price in yen (negative for the
 * Voucher and Discount lines) and a quantity.
 */
public record GoodsLine(String name, long unitPrice, int quantity) {

    public static final String VOUCHER = "Voucher";
    public static final String SHIPPING = "Shipping";
    public static final String DISCOUNT = "Discount";

    public GoodsLine {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidValue("goods name must not be blank");
        }
        if (quantity < 0) {
            throw new InvalidValue("goods " + InvalidValue.echo(name) + " quantity must not be negative, got " + quantity);
        }
    }

    public long total() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
