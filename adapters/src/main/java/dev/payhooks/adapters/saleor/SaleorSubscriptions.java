package dev.payhooks.adapters.saleor;

/**
 * The GraphQL subscriptions of the manifests: they select the fields of
 * Saleor's payload fields with Saleor's own names and no aliases, so that Saleor sends
 * bodies of exactly the shapes the handlers read. Shared by every provider app.
 */
public final class SaleorSubscriptions {

    static final String FRAGMENTS = """
        fragment Address on Address { firstName lastName companyName streetAddress1 streetAddress2
          city cityArea postalCode countryArea country { code } phone }
        fragment OrderDetails on Order { id number userEmail created
          channel { id slug currencyCode }
          total { gross { amount currency } } shippingPrice { gross { amount } }
          discounts { amount { amount } }
          billingAddress { ...Address } shippingAddress { ...Address }
          lines { id productSku productName variantName quantity
                  unitPrice { gross { amount } } totalPrice { gross { amount } } } }
        fragment CheckoutDetails on Checkout { id email created
          channel { id slug currencyCode }
          totalPrice { gross { amount currency } } shippingPrice { gross { amount } }
          discount { amount }
          billingAddress { ...Address } shippingAddress { ...Address }
          lines { id quantity variant { sku name product { name } }
                  unitPrice { gross { amount } } totalPrice { gross { amount } } } }
        """;

    private static final String SOURCE_OBJECT =
        "sourceObject { __typename ... on Checkout { ...CheckoutDetails } ... on Order { ...OrderDetails } }";

    private static final String TRANSACTION_ACTION = """
          action { actionType amount currency }
          transaction { id token pspReference createdAt
            chargedAmount { amount currency } authorizedAmount { amount currency }
            order { __typename ...OrderDetails } checkout { __typename ...CheckoutDetails } }
        """;

    public static final String PAYMENT_GATEWAY_INITIALIZE_SESSION = FRAGMENTS + """
        subscription { event { __typename ... on PaymentGatewayInitializeSession {
          version issuedAt recipient { id } amount data
          """ + SOURCE_OBJECT + " } } }";

    public static final String TRANSACTION_INITIALIZE_SESSION = FRAGMENTS + """
        subscription { event { __typename ... on TransactionInitializeSession {
          version issuedAt recipient { id } idempotencyKey merchantReference data
          action { amount currency actionType }
          transaction { id token pspReference }
          """ + SOURCE_OBJECT + " } } }";

    public static final String TRANSACTION_PROCESS_SESSION = FRAGMENTS + """
        subscription { event { __typename ... on TransactionProcessSession {
          version issuedAt recipient { id } merchantReference data
          action { amount currency actionType }
          transaction { id token pspReference }
          """ + SOURCE_OBJECT + " } } }";

    public static final String TRANSACTION_CHARGE_REQUESTED = FRAGMENTS + """
        subscription { event { __typename ... on TransactionChargeRequested {
          version issuedAt recipient { id }
          """ + TRANSACTION_ACTION + " } } }";

    public static final String TRANSACTION_CANCELATION_REQUESTED = FRAGMENTS + """
        subscription { event { __typename ... on TransactionCancelationRequested {
          version issuedAt recipient { id }
          """ + TRANSACTION_ACTION + " } } }";

    public static final String TRANSACTION_REFUND_REQUESTED = FRAGMENTS + """
        subscription { event { __typename ... on TransactionRefundRequested {
          version issuedAt recipient { id }
          """ + TRANSACTION_ACTION + """
          grantedRefund { id amount { amount currency } shippingCostsIncluded
            lines { id quantity orderLine { id } } } } } }""";

    public static final String FULFILLMENT_TRACKING_NUMBER_UPDATED = """
        subscription { event { __typename ... on FulfillmentTrackingNumberUpdated {
          version issuedAt recipient { id }
          fulfillment { id trackingNumber metadata { key value } privateMetadata { key value } }
          order { id number channel { slug currencyCode }
            transactions { id token pspReference createdBy { __typename ... on App { id } } events { type } } } } } }""";

    private SaleorSubscriptions() {
    }
}
