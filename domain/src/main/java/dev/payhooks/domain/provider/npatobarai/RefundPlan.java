package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.error.InvalidValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How NP Atobarai gives money back, decided from the refund, the order and whether the
 * shipment was already reported (Saleor's {@code TransactionRefundRequested}):
 * <ul>
 *   <li>a full refund (amount == charged amount) cancels the NP transaction;</li>
 *   <li>before the shipment report, a partial refund updates the transaction in place;</li>
 *   <li>after it, a partial refund cancels, registers the remaining goods anew, and reports
 *       the shipment again for the new transaction.</li>
 * </ul>
 * The remaining goods: for a manual refund the order's goods plus {@code Discount} of the
 * negated refund; for a granted refund the order lines with the refunded quantities taken
 * off, plus {@code Discount} of the negated shipping when it refunds shipping.
 * {@code billedAmount} is always the charged amount less the refund.
 */
public record RefundPlan(Kind kind, long billedAmount, List<GoodsLine> goods) {

    public enum Kind {
        CANCEL,
        UPDATE,
        CANCEL_AND_REREGISTER
    }

    /** A refund request in yen; {@code refundedQuantities} empty for a manual refund. */
    public record Request(long amount, long charged, boolean granted, Map<String, Integer> refundedQuantities,
                          boolean shippingIncluded, boolean shipmentReported) {
        public Request {
            refundedQuantities = Map.copyOf(refundedQuantities);
        }
    }

    public RefundPlan {
        Objects.requireNonNull(kind, "kind");
        goods = List.copyOf(goods);
    }

    public static RefundPlan decide(OrderGoods order, Request refund) {
        if (refund.amount() <= 0) {
            throw new InvalidValue("refund amount must be positive, got " + refund.amount());
        }
        if (refund.amount() > refund.charged()) {
            throw new InvalidValue("refund of " + refund.amount() + " JPY exceeds the charged " + refund.charged() + " JPY");
        }
        if (refund.amount() == refund.charged()) {
            return new RefundPlan(Kind.CANCEL, 0, List.of());
        }
        List<GoodsLine> goods = new ArrayList<>();
        if (refund.granted()) {
            goods.addAll(order.goodsAfterReturning(refund.refundedQuantities()));
            if (refund.shippingIncluded() && order.shipping() > 0) {
                goods.add(new GoodsLine(GoodsLine.DISCOUNT, -order.shipping(), 1));
            }
        } else {
            goods.addAll(order.goods());
            goods.add(new GoodsLine(GoodsLine.DISCOUNT, -refund.amount(), 1));
        }
        Kind kind = refund.shipmentReported() ? Kind.CANCEL_AND_REREGISTER : Kind.UPDATE;
        return new RefundPlan(kind, refund.charged() - refund.amount(), goods);
    }
}
