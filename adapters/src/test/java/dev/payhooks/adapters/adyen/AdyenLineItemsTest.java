package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.saleor.SaleorLine;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdyenLineItemsTest {

    static final Currency EUR = Currency.of("EUR");
    /** Two cups at 10.00, one saucer at 5.00, shipping 4.00: total 29.00. */
    static final SaleorSourceObject ORDER = new SaleorSourceObject("Order", "T3JkZXI6MQ==", "eu-store", "EUR",
        "anna@example.test", Money.of(2900, EUR), Money.of(400, EUR), Money.zero(EUR), null, null, List.of(
            new SaleorLine("line-1", "CUP", "Tea cup", "Blue", 2, Money.of(1000, EUR)),
            new SaleorLine("line-2", "SAUCER", "Saucer", null, 1, Money.of(500, EUR))));

    private static JsonObject granted(boolean shipping, String... lineAndQuantity) {
        var lines = Json.createArrayBuilder();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(Json.createObjectBuilder().add("id", "granted-" + i)
                .add("quantity", Integer.parseInt(lineAndQuantity[i + 1]))
                .add("orderLine", Json.createObjectBuilder().add("id", lineAndQuantity[i])));
        }
        return Json.createObjectBuilder().add("id", "T3JkZXJHcmFudGVkUmVmdW5kOjE=")
            .add("amount", Json.createObjectBuilder().add("amount", 10).add("currency", "EUR"))
            .add("shippingCostsIncluded", shipping).add("lines", lines).build();
    }

    @Test
    void manualRefundBelowTheOrderTotalSendsNoLines() {
        assertEquals(Optional.empty(), AdyenLineItems.forRefund(Money.of(2899, EUR), ORDER, null));
    }

    @Test
    void manualRefundOfTheWholeOrderSendsEveryLineAndShipping() {
        JsonArray items = AdyenLineItems.forRefund(Money.of(2900, EUR), ORDER, null).orElseThrow();
        assertEquals(3, items.size());
        JsonObject cup = items.getJsonObject(0);
        assertEquals("line-1", cup.getString("id"));
        assertEquals(2, cup.getInt("quantity"));
        assertEquals(1000, cup.getInt("amountIncludingTax"));
        assertEquals("Tea cup (Blue)", cup.getString("description"));
        assertEquals("CUP", cup.getString("sku"));
        assertEquals("shipping", items.getJsonObject(2).getString("id"));
        assertEquals(400, items.getJsonObject(2).getInt("amountIncludingTax"));
        // more than the total (Saleor allows it with manual amounts) still counts as the whole order
        assertEquals(3, AdyenLineItems.forRefund(Money.of(3000, EUR), ORDER, null).orElseThrow().size());
    }

    @Test
    void grantedRefundSendsItsLinesWithTheirQuantities() {
        JsonArray items = AdyenLineItems.forRefund(Money.of(1000, EUR), ORDER, granted(false, "line-1", "1")).orElseThrow();
        assertEquals(1, items.size());
        assertEquals("line-1", items.getJsonObject(0).getString("id"));
        assertEquals(1, items.getJsonObject(0).getInt("quantity"));
    }

    @Test
    void grantedRefundWithShippingAddsTheShippingLine() {
        JsonArray items = AdyenLineItems.forRefund(Money.of(1900, EUR), ORDER,
            granted(true, "line-1", "1", "line-2", "1")).orElseThrow();
        assertEquals(List.of("line-1", "line-2", "shipping"), items.stream()
            .map(item -> item.asJsonObject().getString("id")).toList());
    }

    @Test
    void grantedRefundOfShippingOnly() {
        JsonArray items = AdyenLineItems.forRefund(Money.of(400, EUR), ORDER, granted(true)).orElseThrow();
        assertEquals(1, items.size());
        assertEquals("shipping", items.getJsonObject(0).getString("id"));
        assertEquals(Optional.empty(), AdyenLineItems.forRefund(Money.of(400, EUR), ORDER, granted(false)));
    }

    @Test
    void grantedLineThatIsNotInTheOrderIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> AdyenLineItems.forRefund(Money.of(1000, EUR), ORDER, granted(false, "line-9", "1")));
    }

    @Test
    void amountsAreInAdyensMinorUnits() {
        Currency isk = Currency.of("ISK");
        SaleorSourceObject iceland = new SaleorSourceObject("Checkout", "c", "is-store", "ISK", null, Money.of(1500, isk),
            Money.zero(isk), Money.zero(isk), null, null, List.of(new SaleorLine("l", null, "Wool", null, 1, Money.of(1500, isk))));
        JsonObject wool = AdyenLineItems.all(iceland).getJsonObject(0);
        assertEquals(150000, wool.getInt("amountIncludingTax"));
        assertEquals(1, AdyenLineItems.all(iceland).size()); // no shipping line for free shipping
    }
}
