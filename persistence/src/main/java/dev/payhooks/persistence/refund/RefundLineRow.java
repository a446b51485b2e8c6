package dev.payhooks.persistence.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a granted refund; its amount is in the refund's currency. */
@Embeddable
public record RefundLineRow(
    @Column(nullable = false) String lineId,
    @Column(nullable = false) String orderLineId,
    int quantity,
    Long amount) {
}
