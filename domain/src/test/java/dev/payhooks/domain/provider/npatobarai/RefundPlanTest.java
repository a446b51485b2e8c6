package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RefundPlanTest {

    private final OrderGoods order = new OrderGoods(
        List.of(new ProductLine("T3JkZXJMaW5lOjE=", "TEST-SKU", "Tea cup", 1000, 2)), 100, 200, true);

    @Test
    void partialManualRefundBeforeShipmentUpdatesWithADiscountLine() {
        // the reference app's worked example
        RefundPlan plan = RefundPlan.decide(order, new RefundPlan.Request(1500, 3000, false, Map.of(), false, false));

        assertEquals(RefundPlan.Kind.UPDATE, plan.kind());
        assertEquals(1500, plan.billedAmount());
        assertEquals(List.of(new GoodsLine("TEST-SKU", 1000, 2), new GoodsLine("Voucher", -100, 1),
            new GoodsLine("Shipping", 200, 1), new GoodsLine("Discount", -1500, 1)), plan.goods());
    }

    @Test
    void fullRefundCancelsBeforeAndAfterShipment() {
        assertEquals(RefundPlan.Kind.CANCEL,
            RefundPlan.decide(order, new RefundPlan.Request(3000, 3000, false, Map.of(), false, false)).kind());
        assertEquals(RefundPlan.Kind.CANCEL,
            RefundPlan.decide(order, new RefundPlan.Request(3000, 3000, false, Map.of(), false, true)).kind());
    }

    @Test
    void partialRefundAfterShipmentReregisters() {
        RefundPlan plan = RefundPlan.decide(order, new RefundPlan.Request(1500, 3000, false, Map.of(), false, true));

        assertEquals(RefundPlan.Kind.CANCEL_AND_REREGISTER, plan.kind());
        assertEquals(1500, plan.billedAmount());
        assertEquals(new GoodsLine("Discount", -1500, 1), plan.goods().get(3));
    }

    @Test
    void grantedRefundReducesQuantitiesAndDiscountsShipping() {
        RefundPlan plan = RefundPlan.decide(order,
            new RefundPlan.Request(1200, 2100, true, Map.of("T3JkZXJMaW5lOjE=", 1), true, false));

        assertEquals(RefundPlan.Kind.UPDATE, plan.kind());
        assertEquals(900, plan.billedAmount());
        assertEquals(List.of(new GoodsLine("TEST-SKU", 1000, 1), new GoodsLine("Voucher", -100, 1),
            new GoodsLine("Shipping", 200, 1), new GoodsLine("Discount", -200, 1)), plan.goods());
    }

    @Test
    void grantedRefundOfAllUnitsDropsTheLine() {
        RefundPlan plan = RefundPlan.decide(order,
            new RefundPlan.Request(2000, 2100, true, Map.of("T3JkZXJMaW5lOjE=", 2), false, false));

        assertEquals(List.of(new GoodsLine("Voucher", -100, 1), new GoodsLine("Shipping", 200, 1)), plan.goods());
    }

    @Test
    void refusesRefundsItCannotMake() {
        assertThrows(InvalidValue.class,
            () -> RefundPlan.decide(order, new RefundPlan.Request(3001, 3000, false, Map.of(), false, false)));
        assertThrows(InvalidValue.class,
            () -> RefundPlan.decide(order, new RefundPlan.Request(100, 3000, true, Map.of("T3JkZXJMaW5lOjE=", 3), false, false)));
        assertThrows(InvalidValue.class,
            () -> RefundPlan.decide(order, new RefundPlan.Request(100, 3000, true, Map.of("other", 1), false, false)));
    }

    @Test
    void productNameIsUsedUnlessSkuAsName() {
        OrderGoods byName = new OrderGoods(order.products(), 0, 0, false);
        assertEquals(List.of(new GoodsLine("Tea cup", 1000, 2)), byName.goods());
        assertEquals(2000, byName.total());
    }
}
