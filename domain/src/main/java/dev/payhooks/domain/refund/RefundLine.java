package dev.payhooks.domain.refund;

import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.Money;

import java.util.Optional;

/**
 * One line of a granted refund: how many units of which order line are refunded.
 *
 * @param lineId      Saleor's id of the granted refund line
 * @param orderLineId Saleor's id of the order line it refunds
 * @param amount      the line's refunded amount when known, or null (Saleor's granted refund
 *                    lines carry only a quantity; the amount comes from the order line)
 */
public record RefundLine(String lineId, String orderLineId, int quantity, Money amount) {

    public RefundLine {
        requireId(lineId, "refund line id");
        requireId(orderLineId, "order line id");
        if (quantity < 1) {
            throw new InvalidValue("refund line " + lineId + " must refund at least one unit, got " + quantity);
        }
        if (amount != null && !amount.isPositive()) {
            throw new InvalidValue("refund line " + lineId + " amount must be positive, got " + amount);
        }
    }

    public static RefundLine of(String lineId, String orderLineId, int quantity) {
        return new RefundLine(lineId, orderLineId, quantity, null);
    }

    public Optional<Money> amountIfKnown() {
        return Optional.ofNullable(amount);
    }

    static void requireId(String id, String name) {
        if (id == null || id.isBlank() || id.length() > 255 || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(name + " " + InvalidValue.echo(id) + " must be 1-255 printable characters");
        }
    }
}
