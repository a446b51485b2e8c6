package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.saleor.SaleorAddress;
import dev.payhooks.adapters.saleor.SaleorLine;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.provider.npatobarai.ProductLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Saleor's checkout or order as NP Atobarai's transaction item. */
final class NpOrderTranslation {

    static final int MAX_SHOP_TRANSACTION_ID = 40;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private NpOrderTranslation() {
    }

    static OrderGoods goods(SaleorSourceObject source, boolean skuAsName) {
        List<ProductLine> products = new ArrayList<>();
        for (SaleorLine line : source.lines()) {
            String name = line.productName();
            if (name != null && line.variantName() != null && !line.variantName().isBlank()) {
                name = name + " (" + line.variantName() + ")";
            }
            products.add(new ProductLine(line.id(), line.sku(), name, yen(line.unitGross()), line.quantity()));
        }
        return new OrderGoods(products, yen(source.discount()), yen(source.shipping()), skuAsName);
    }

    /**
     * The register item for a checkout or order.
     *
     * @param token    Saleor's transaction token: NP's {@code shop_transaction_id}
     * @param issuedAt Saleor's {@code issuedAt}: the order date (Japan time)
     */
    static NpTransaction transaction(String token, String issuedAt, long billedAmount, SaleorSourceObject source,
                                     boolean skuAsName) {
        OrderGoods goods = goods(source, skuAsName);
        return new NpTransaction(shopTransactionId(token), orderDate(issuedAt), billedAmount,
            customer(source.billingAddress(), source.email()),
            customer(source.shippingAddress() != null ? source.shippingAddress() : source.billingAddress(), null),
            goods.goods());
    }

    static String shopTransactionId(String token) {
        String compact = token == null ? "" : token.strip();
        return compact.length() <= MAX_SHOP_TRANSACTION_ID ? compact : compact.replace("-", "")
            .substring(0, Math.min(MAX_SHOP_TRANSACTION_ID, compact.replace("-", "").length()));
    }

    static LocalDate orderDate(String issuedAt) {
        if (issuedAt == null || issuedAt.isBlank()) {
            throw new dev.payhooks.adapters.api.ApiProblem(400, "issuedAt is missing");
        }
        try {
            return OffsetDateTime.parse(issuedAt).atZoneSameInstant(JAPAN).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            throw new dev.payhooks.adapters.api.ApiProblem(400, "issuedAt is not an ISO 8601 date-time");
        }
    }

    private static NpCustomer customer(SaleorAddress address, String email) {
        if (address == null) {
            return new NpCustomer("", null, "", "", "", email);
        }
        return new NpCustomer(address.fullName(), blankToNull(address.companyName()), address.postalCode(),
            address.japaneseAddressLine(), NpCustomer.domesticPhone(address.phone()), email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static long yen(Money money) {
        return money == null ? 0 : money.minorUnits();
    }
}
