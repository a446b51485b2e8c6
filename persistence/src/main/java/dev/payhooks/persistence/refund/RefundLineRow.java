package dev.payhooks.persistence.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** One line of a granted refund; its amount is in the refund's currency. */
@Embeddable
public class RefundLineRow {

    @Column(nullable = false) String lineId;
    @Column(nullable = false) String orderLineId;
    int quantity;
    Long amount;

    protected RefundLineRow() {
        // for JPA
    }

    RefundLineRow(String lineId, String orderLineId, int quantity, Long amount) {
        this.lineId = lineId;
        this.orderLineId = orderLineId;
        this.quantity = quantity;
        this.amount = amount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefundLineRow r && r.quantity == quantity && Objects.equals(r.lineId, lineId)
            && Objects.equals(r.orderLineId, orderLineId) && Objects.equals(r.amount, amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineId, orderLineId, quantity, amount);
    }
}
