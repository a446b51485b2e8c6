package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.error.InvalidValue;

import java.util.Objects;

/**
 * One order (or checkout) line as NP Atobarai bills it.
 *
 * @param lineId    Saleor's id of the order line (granted refunds refer to it)
 * @param sku       the variant's SKU, or null
 * @param name      product (and variant) name
 * @param unitPrice gross unit price in yen
 */
public record ProductLine(String lineId, String sku, String name, long unitPrice, int quantity) {

    public ProductLine {
        Objects.requireNonNull(lineId, "lineId");
        if (quantity < 0 || unitPrice < 0) {
            throw new InvalidValue("order line " + InvalidValue.echo(lineId)
                + " must have a non-negative price and quantity");
        }
    }

    /** The goods name: the SKU when the channel says so and there is one, else the name. */
    String goodsName(boolean skuAsName) {
        if (skuAsName && sku != null && !sku.isBlank()) {
            return sku;
        }
        if (name == null || name.isBlank()) {
            return sku == null || sku.isBlank() ? lineId : sku;
        }
        return name;
    }
}
