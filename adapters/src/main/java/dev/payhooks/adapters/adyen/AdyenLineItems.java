package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.saleor.SaleorLine;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.ProviderId;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adyen {@code lineItems} from a Saleor checkout or order (amounts in Adyen's minor units), and
 * the rules for refunds:
 * <ul>
 *   <li>manual refund (no {@code grantedRefund}): every order line (and shipping) only when the
 *       refund is at least the order's total gross; otherwise none;</li>
 *   <li>granted refund: the granted lines ({@code orderLine.id} + {@code quantity}), plus a
 *       shipping line when {@code shippingCostsIncluded}.</li>
 * </ul>
 */
public final class AdyenLineItems {

    static final String SHIPPING_ID = "shipping";

    private AdyenLineItems() {
    }

    /** Every line of the checkout or order, and shipping when it costs something. */
    public static JsonArray all(SaleorSourceObject source) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (SaleorLine line : source.lines()) {
            items.add(item(line, line.quantity()));
        }
        shipping(source).ifPresent(items::add);
        return items.build();
    }

    /** The line items of a refund; empty when the refund sends none. */
    public static Optional<JsonArray> forRefund(Money refund, SaleorSourceObject order, JsonObject grantedRefund) {
        if (grantedRefund == null) {
            boolean wholeOrder = order != null && order.total() != null && !refund.isLessThan(order.total());
            return wholeOrder ? Optional.of(all(order)) : Optional.empty();
        }
        if (order == null) {
            return Optional.empty();
        }
        Map<String, SaleorLine> byId = new LinkedHashMap<>();
        order.lines().forEach(line -> byId.put(line.id(), line));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        JsonValue lines = grantedRefund.get("lines");
        if (lines != null && lines.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : lines.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject granted = value.asJsonObject();
                String orderLineId = granted.get("orderLine") instanceof JsonObject orderLine
                    && orderLine.get("id") instanceof jakarta.json.JsonString id ? id.getString() : null;
                SaleorLine line = orderLineId == null ? null : byId.get(orderLineId);
                if (line == null) {
                    throw new IllegalArgumentException("grantedRefund line " + orderLineId + " is not a line of the order");
                }
                int quantity = granted.get("quantity") instanceof JsonNumber number && number.isIntegral()
                    ? number.intValue() : line.quantity();
                items.add(item(line, quantity));
            }
        }
        if (grantedRefund.getBoolean("shippingCostsIncluded", false)) {
            shipping(order).ifPresent(items::add);
        }
        JsonArray built = items.build();
        return built.isEmpty() ? Optional.empty() : Optional.of(built);
    }

    private static JsonObject item(SaleorLine line, int quantity) {
        JsonObjectBuilder item = JSON.createObjectBuilder()
            .add("id", line.id())
            .add("quantity", quantity)
            .add("description", description(line))
            .add("amountIncludingTax", line.unitGross().minorUnitsAt(ProviderId.ADYEN));
        if (line.sku() != null && !line.sku().isBlank()) {
            item.add("sku", line.sku());
        }
        return item.build();
    }

    private static Optional<JsonObject> shipping(SaleorSourceObject source) {
        if (source.shipping() == null || !source.shipping().isPositive()) {
            return Optional.empty();
        }
        return Optional.of(JSON.createObjectBuilder()
            .add("id", SHIPPING_ID)
            .add("quantity", 1)
            .add("description", "Shipping")
            .add("amountIncludingTax", source.shipping().minorUnitsAt(ProviderId.ADYEN))
            .build());
    }

    private static String description(SaleorLine line) {
        String product = line.productName() == null ? "" : line.productName();
        String variant = line.variantName() == null || line.variantName().isBlank() ? "" : " (" + line.variantName() + ")";
        String text = (product + variant).strip();
        return text.isEmpty() ? (line.sku() == null ? line.id() : line.sku()) : text;
    }
}
