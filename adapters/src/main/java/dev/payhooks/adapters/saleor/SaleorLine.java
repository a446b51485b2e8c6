package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.payment.Money;

/** One checkout or order line of a Saleor payload. */
public record SaleorLine(String id, String sku, String productName, String variantName, int quantity, Money unitGross) {
}
