package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.error.InvalidValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an order bills at NP Atobarai: product lines, the voucher discount and the shipping
 * price, in yen. NP's goods list is one line per product, then {@code Voucher} with the
 * negated discount, then {@code Shipping}; zero-value lines are dropped.
 */
public record OrderGoods(List<ProductLine> products, long voucherDiscount, long shipping, boolean skuAsName) {

    public OrderGoods {
        products = List.copyOf(products);
        if (voucherDiscount < 0 || shipping < 0) {
            throw new InvalidValue("voucher discount and shipping must not be negative");
        }
    }

    /** The goods list NP expects for the whole order. */
    public List<GoodsLine> goods() {
        return goodsOf(products);
    }

    /** The sum of {@link #goods()}. */
    public long total() {
        return sum(goods());
    }

    /**
     * The goods left after a granted refund: each refunded order line's quantity reduced by
     * the refunded quantity (lines down to zero dropped).
     *
     * @throws InvalidValue if a refund line names an unknown order line or more units than ordered
     */
    public List<GoodsLine> goodsAfterReturning(Map<String, Integer> refundedQuantities) {
        Set<String> known = new java.util.HashSet<>();
        List<ProductLine> remaining = new ArrayList<>();
        for (ProductLine line : products) {
            known.add(line.lineId());
            int refunded = refundedQuantities.getOrDefault(line.lineId(), 0);
            if (refunded > line.quantity()) {
                throw new InvalidValue("refund of " + refunded + " units of order line " + line.lineId()
                    + " exceeds the ordered " + line.quantity());
            }
            remaining.add(new ProductLine(line.lineId(), line.sku(), line.name(), line.unitPrice(),
                line.quantity() - refunded));
        }
        for (String lineId : refundedQuantities.keySet()) {
            if (!known.contains(lineId)) {
                throw new InvalidValue("granted refund names order line " + InvalidValue.echo(lineId)
                    + " which is not in the order");
            }
        }
        return goodsOf(remaining);
    }

    private List<GoodsLine> goodsOf(List<ProductLine> lines) {
        List<GoodsLine> goods = new ArrayList<>();
        for (ProductLine line : lines) {
            if (line.quantity() > 0 && line.unitPrice() > 0) {
                goods.add(new GoodsLine(line.goodsName(skuAsName), line.unitPrice(), line.quantity()));
            }
        }
        if (voucherDiscount > 0) {
            goods.add(new GoodsLine(GoodsLine.VOUCHER, -voucherDiscount, 1));
        }
        if (shipping > 0) {
            goods.add(new GoodsLine(GoodsLine.SHIPPING, shipping, 1));
        }
        return goods;
    }

    static long sum(List<GoodsLine> goods) {
        return goods.stream().mapToLong(GoodsLine::total).sum();
    }
}
