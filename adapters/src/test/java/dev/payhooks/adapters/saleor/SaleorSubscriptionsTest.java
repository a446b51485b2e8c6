package dev.payhooks.adapters.saleor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest's subscriptions select the payload fields Saleor documents and what the
 * handlers read, are well-formed, and use every fragment they define (GraphQL refuses unused ones).
 */
class SaleorSubscriptionsTest {

    record Query(String name, String text, List<String> fields) { }

    static Stream<Query> queries() {
        List<String> source = List.of("sourceObject", "...CheckoutDetails", "...OrderDetails");
        return Stream.of(
            new Query("gateway", SaleorSubscriptions.PAYMENT_GATEWAY_INITIALIZE_SESSION,
                concat(source, "PaymentGatewayInitializeSession", "recipient { id }", "issuedAt", "amount", "data")),
            new Query("initialize", SaleorSubscriptions.TRANSACTION_INITIALIZE_SESSION,
                concat(source, "TransactionInitializeSession", "idempotencyKey", "merchantReference",
                    "action { amount currency actionType }", "transaction { id token pspReference }", "issuedAt")),
            new Query("process", SaleorSubscriptions.TRANSACTION_PROCESS_SESSION,
                concat(source, "TransactionProcessSession", "transaction { id token pspReference }")),
            new Query("refund", SaleorSubscriptions.TRANSACTION_REFUND_REQUESTED,
                List.of("TransactionRefundRequested", "action { actionType amount currency }", "chargedAmount { amount currency }",
                    "order { __typename ...OrderDetails }", "grantedRefund { id amount { amount currency } shippingCostsIncluded",
                    "lines { id quantity orderLine { id } }", "createdAt")),
            new Query("charge", SaleorSubscriptions.TRANSACTION_CHARGE_REQUESTED,
                List.of("TransactionChargeRequested", "action { actionType amount currency }", "pspReference",
                    "order { __typename ...OrderDetails }", "checkout { __typename ...CheckoutDetails }")),
            new Query("cancel", SaleorSubscriptions.TRANSACTION_CANCELATION_REQUESTED,
                List.of("TransactionCancelationRequested", "action { actionType amount currency }", "pspReference",
                    "order { __typename ...OrderDetails }", "checkout { __typename ...CheckoutDetails }")),
            new Query("tracking", SaleorSubscriptions.FULFILLMENT_TRACKING_NUMBER_UPDATED,
                List.of("FulfillmentTrackingNumberUpdated", "trackingNumber", "privateMetadata { key value }",
                    "metadata { key value }", "channel { slug currencyCode }", "createdBy { __typename ... on App { id } }",
                    "events { type }", "pspReference")));
    }

    static List<String> concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), Stream.of(more)).toList();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void selectsTheContractFields(Query query) {
        String compact = query.text().replaceAll("\\s+", " ");
        for (String field : query.fields()) {
            assertTrue(compact.contains(field), query.name() + " lacks " + field);
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void isBalancedAndUsesEveryFragmentItDefines(Query query) {
        String text = query.text();
        assertEquals(text.chars().filter(c -> c == '{').count(), text.chars().filter(c -> c == '}').count(), query.name());
        Matcher defined = Pattern.compile("fragment (\\w+) on").matcher(text);
        while (defined.find()) {
            assertTrue(text.contains("..." + defined.group(1)), query.name() + " defines but never uses " + defined.group(1));
        }
        Matcher used = Pattern.compile("\\.\\.\\.(\\w+)").matcher(text);
        while (used.find()) {
            assertTrue(text.contains("fragment " + used.group(1) + " on"), query.name() + " uses undefined " + used.group(1));
        }
    }
}
