package dev.payhooks.adapters.saleor;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkout or order a Saleor payment webhook is about, read from {@code sourceObject} (or
 * {@code transaction.order}): the two shapes Saleor sends made one.
 */
public record SaleorSourceObject(String typename, String id, String channelSlug, String currencyCode, String email,
                                 Money total, Money shipping, Money discount, SaleorAddress billingAddress,
                                 SaleorAddress shippingAddress, List<SaleorLine> lines) {

    public SaleorSourceObject {
        lines = List.copyOf(lines);
    }

    public static SaleorSourceObject from(JsonObject json) {
        if (json == null) {
            throw new ApiProblem(400, "sourceObject is missing");
        }
        boolean order = "Order".equals(SaleorJson.string(json, "__typename"));
        JsonObject channel = SaleorJson.requiredObject(json, "channel");
        String slug = SaleorJson.string(channel, "slug");
        if (slug == null || slug.isBlank()) {
            throw new ApiProblem(400, "sourceObject.channel.slug is missing");
        }
        String currencyCode = SaleorJson.string(channel, "currencyCode");
        Currency currency = currencyOrNull(currencyCode);
        JsonObject totalObject = SaleorJson.object(json, order ? "total" : "totalPrice");
        Money total = currency == null ? null : SaleorJson.grossAmount(totalObject, currency);
        Money shipping = currency == null ? null : SaleorJson.grossAmount(SaleorJson.object(json, "shippingPrice"), currency);
        Money discount = currency == null ? null : order ? orderDiscounts(json, currency)
            : SaleorJson.money(SaleorJson.object(json, "discount"), "amount", currency);
        List<SaleorLine> lines = new ArrayList<>();
        if (currency != null) {
            for (JsonValue value : SaleorJson.array(json, "lines")) {
                JsonObject line = value.asJsonObject();
                String sku;
                String productName;
                String variantName;
                if (order) {
                    sku = SaleorJson.string(line, "productSku");
                    productName = SaleorJson.string(line, "productName");
                    variantName = SaleorJson.string(line, "variantName");
                } else {
                    JsonObject variant = SaleorJson.object(line, "variant");
                    JsonObject product = variant == null ? null : SaleorJson.object(variant, "product");
                    sku = variant == null ? null : SaleorJson.string(variant, "sku");
                    variantName = variant == null ? null : SaleorJson.string(variant, "name");
                    productName = product == null ? null : SaleorJson.string(product, "name");
                }
                lines.add(new SaleorLine(SaleorJson.requiredString(line, "id"), sku, productName, variantName,
                    SaleorJson.integer(line, "quantity"),
                    SaleorJson.grossAmount(SaleorJson.object(line, "unitPrice"), currency)));
            }
        }
        JsonObject billing = SaleorJson.object(json, "billingAddress");
        JsonObject shippingAddress = SaleorJson.object(json, "shippingAddress");
        return new SaleorSourceObject(order ? "Order" : "Checkout", SaleorJson.string(json, "id"), slug, currencyCode,
            SaleorJson.string(json, order ? "userEmail" : "email"), total, shipping, discount,
            billing == null ? null : SaleorAddress.from(billing),
            shippingAddress == null ? null : SaleorAddress.from(shippingAddress), lines);
    }

    private static Money orderDiscounts(JsonObject json, Currency currency) {
        Money sum = Money.zero(currency);
        for (JsonValue value : SaleorJson.array(json, "discounts")) {
            Money amount = SaleorJson.money(SaleorJson.object(value.asJsonObject(), "amount"), "amount", currency);
            sum = sum.plus(amount);
        }
        return sum;
    }

    private static Currency currencyOrNull(String code) {
        try {
            return code == null ? null : Currency.of(code);
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
