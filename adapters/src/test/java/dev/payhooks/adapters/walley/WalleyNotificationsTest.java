package dev.payhooks.adapters.walley;

import dev.payhooks.adapters.notifications.NotificationEndpoint.Answer;
import dev.payhooks.adapters.notifications.PipelineFixture;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static dev.payhooks.adapters.notifications.PipelineFixture.walleyHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalleyNotificationsTest {

    private final PipelineFixture hub = new PipelineFixture();

    static String orderCreated(String orderId, String reference, String status, String amount) {
        return """
            {"Type": "walley:order:created", "Timestamp": "2024-01-30T11:02:42.5997621+01:00",
             "Payload": {"OrderId": "%s", "Reference": "%s", "Amount": %s, "Currency": "SEK",
                         "Status": "%s", "AuthorizationId": "auth-%s", "CustomerToken": "0a96"}}
            """.formatted(orderId, reference, amount, status, orderId);
    }

    static String attempt(String type, String authorizationId, String reference, int attempt, String reason) {
        return """
            {"Type": "%s", "Timestamp": "2024-01-30T11:02:42+01:00",
             "Payload": {"CustomerToken": "0a96", "AuthorizationId": "%s", "Reference": "%s", "ActionReference": "act-1",
                         "CreatedOn": "2024-01-30T11:02:40+01:00", "CurrentAttempt": %d, "MaxAttempt": 3, "Reason": "%s"}}
            """.formatted(type, authorizationId, reference, attempt, reason);
    }

    private Answer send(String body) {
        return hub.post(ProviderId.WALLEY, walleyHeaders(), utf8(body));
    }

    @Test
    void anAuthorizedOrderCreatesTheTransactionKeepsTheOrderIdAndPublishesAuthorizationSuccess() {
        Answer answer = send(orderCreated("45e0", "MX_220921_111434", "Authorized", "30"));

        assertEquals(200, answer.status(), answer.json());
        PaymentTransaction transaction = hub.onlyTransaction();
        assertEquals(TransactionStatus.AUTHORIZED, transaction.status());
        assertEquals(Money.of(3000, Currency.SEK), transaction.authorized());
        assertEquals("MX_220921_111434", transaction.merchantReference());
        assertEquals("45e0", transaction.providerReference().orElseThrow());
        assertEquals(List.of("transaction.authorization.success"), hub.outboundTypes());
        assertEquals(ProcessingStatus.PROCESSED, hub.storedNotifications().get(0).status());
    }

    @Test
    void aResentNotificationIsADuplicateAndChangesNothing() {
        send(orderCreated("45e0", "ref-1", "Authorized", "30"));
        PaymentTransaction before = hub.onlyTransaction();

        Answer again = send(orderCreated("45e0", "ref-1", "Authorized", "30"));

        assertEquals(200, again.status());
        assertTrue(again.json().contains("\"duplicate\""), again.json());
        assertEquals(before.snapshot(), hub.onlyTransaction().snapshot());
        assertEquals(1, hub.outboundTypes().size());
        assertEquals(1, hub.storedNotifications().size());
    }

    @Test
    void theSameFactUnderAnotherCorrelationIdIsStoredButNotAppliedTwice() {
        Map<String, String> headers = walleyHeaders();
        headers.put("Walley-CorrelationId", "c-1");
        hub.post(ProviderId.WALLEY, headers, utf8(orderCreated("45e0", "ref-1", "Authorized", "30")));
        headers.put("Walley-CorrelationId", "c-2");
        Answer second = hub.post(ProviderId.WALLEY, headers, utf8(orderCreated("45e0", "ref-1", "Authorized", "30")));

        assertEquals(200, second.status());
        assertEquals(1, hub.outboundTypes().size());
        InboundNotification secondStored = hub.storedNotifications().get(1);
        assertEquals(ProcessingStatus.IGNORED, secondStored.status());
        assertTrue(secondStored.statusReason().orElseThrow().startsWith("already recorded"));
    }

    @ParameterizedTest
    @CsvSource({
        "Authorized, AUTHORIZED, transaction.authorization.success",
        "Captured, CHARGED, transaction.sale.success",
        "RequiresSigning, AUTHORIZATION_ACTION_REQUIRED, transaction.action_required",
        "RequiresIdentityCheck, AUTHORIZATION_ACTION_REQUIRED, transaction.action_required",
        "OnHold, AUTHORIZATION_REQUESTED, transaction.pending",
        "authorized, AUTHORIZED, transaction.authorization.success"})
    void everyOrderStatusMapsAsDocumented(String status, TransactionStatus expected, String eventType) {
        assertEquals(200, send(orderCreated("o-1", "ref-1", status, "30.50")).status());

        assertEquals(expected, hub.onlyTransaction().status());
        assertEquals(List.of(eventType), hub.outboundTypes());
    }

    @Test
    void anUnknownOrderStatusIsStoredAndAcknowledgedWithoutEffect() {
        assertEquals(200, send(orderCreated("o-1", "ref-1", "Teleported", "30")).status());

        assertEquals(List.of(), hub.allTransactions());
        assertEquals(List.of(), hub.outboundTypes());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
        assertTrue(hub.storedNotifications().get(0).statusReason().orElseThrow().contains("Teleported"));
    }

    @Test
    void theEnvelopeIsReadWhateverTheCaseOfItsKeys() {
        String lower = """
            {"type": "walley:order:created", "timestamp": "2024-01-30T11:02:42+01:00",
             "payload": {"orderid": "o-9", "reference": "ref-9", "amount": 12.5, "currency": "sek", "status": "AUTHORIZED"}}
            """;
        assertEquals(200, send(lower).status());
        assertEquals(Money.of(1250, Currency.SEK), hub.onlyTransaction().authorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SERVICE_UNAVAILABLE", "PAYMENT_METHOD_NO_FUNDS", "PAYMENT_METHOD_DECLINED"})
    void retryingKeepsTheAuthorizationPendingAndPublishesRetrying(String reason) {
        send(orderCreated("o-1", "ref-1", "OnHold", "30"));

        Answer answer = send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 1, reason));

        assertEquals(200, answer.status(), answer.json());
        PaymentTransaction transaction = hub.onlyTransaction();
        assertEquals(TransactionStatus.AUTHORIZATION_REQUESTED, transaction.status());
        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying"), hub.outboundTypes());
        assertTrue(transaction.events().get(1).message().contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAYMENT_METHOD_EXPIRED", "PAYMENT_METHOD_REFUSED", "CANCELLED_BY_CUSTOMER"})
    void failedEndsTheAuthorizationAndPublishesFailed(String reason) {
        send(orderCreated("o-1", "ref-1", "OnHold", "30"));
        send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 1, "SERVICE_UNAVAILABLE"));
        send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 2, "PAYMENT_METHOD_NO_FUNDS"));

        Answer answer = send(attempt("walley:authorization:failed", "auth-o-1", "ref-1", 3, reason));

        assertEquals(200, answer.status());
        assertEquals(TransactionStatus.FAILED, hub.onlyTransaction().status());
        assertEquals(List.of("transaction.pending", "transaction.authorization.retrying",
            "transaction.authorization.retrying", "transaction.authorization.failed"), hub.outboundTypes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "walley:authorization:retrying | NoFunds                 | PAYMENT_METHOD_NO_FUNDS | The payment method has insufficient funds",
        "walley:authorization:retrying | payment_method_no_funds | PAYMENT_METHOD_NO_FUNDS | The payment method has insufficient funds",
        "walley:authorization:retrying | ServiceUnavailable      | SERVICE_UNAVAILABLE     | The payment service was unavailable; Walley tries again",
        "walley:authorization:retrying | Declined                | PAYMENT_METHOD_DECLINED | The payment method declined the payment",
        "walley:authorization:failed   | Expired                 | PAYMENT_METHOD_EXPIRED  | The payment method has expired",
        "walley:authorization:failed   | PAYMENT_METHOD_REFUSED  | PAYMENT_METHOD_REFUSED  | The payment method was refused",
        "walley:authorization:failed   | cancelled_by_customer   | CANCELLED_BY_CUSTOMER   | The customer cancelled the customer token; Walley makes no further attempt"})
    void theReasonInEitherSpellingIsStoredAndPublishedAsCodeAndDescription(String type, String sent, String code,
                                                                           String description) {
        send(orderCreated("o-1", "ref-1", "OnHold", "30"));

        assertEquals(200, send(attempt(type, "auth-o-1", "ref-1", 1, sent)).status());

        PaymentTransaction transaction = hub.onlyTransaction();
        FailureReason expected = new FailureReason(code, description);
        assertEquals(expected, transaction.events().get(1).reason());
        assertEquals(Optional.of(expected), transaction.reason());
        assertTrue(transaction.events().get(1).message().startsWith(code), transaction.events().get(1).message());
        String payload = hub.outboundEvents().get(1).payloadJson();
        assertTrue(payload.contains("\"reason\":{\"code\":\"" + code + "\",\"description\":\"" + description + "\"}"),
            payload);
        assertTrue(!hub.outboundEvents().get(0).payloadJson().contains("\"reason\""), "the order's event has none");
    }

    @Test
    void anUnknownReasonIsStoredAsNoEffectAndLeavesThePaymentAsItWas() {
        send(orderCreated("o-1", "ref-1", "OnHold", "30"));
        send(orderCreated("o-2", "ref-2", "OnHold", "30"));

        Answer retrying = send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 1, "SOLAR_FLARE"));
        Answer failed = send(attempt("walley:authorization:failed", "auth-o-2", "ref-2", 3, "<b>Card eaten</b>"));

        assertEquals(200, retrying.status(), retrying.json());
        assertEquals(200, failed.status(), failed.json());
        for (PaymentTransaction payment : hub.allTransactions()) {
            assertEquals(1, payment.events().size(), payment.merchantReference());
            assertEquals(Optional.empty(), payment.reason(), payment.merchantReference());
        }
        assertEquals(List.of("transaction.pending", "transaction.pending"), hub.outboundTypes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SERVICE_UNAVAILABLE\\r\\nX-Injected: 1", "NO\\tFUNDS",
        "A_REASON_LONGER_THAN_SIXTY_FOUR_CHARACTERS_IS_NOT_A_CODE_WALLEY_WOULD_SEND_EVER"})
    void aReasonThatCannotBeACodeHasNoEffect(String reason) {
        send(orderCreated("o-1", "ref-1", "OnHold", "30"));

        Answer answer = send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 1, reason));

        assertEquals(200, answer.status(), answer.json());
        assertEquals(1, hub.onlyTransaction().events().size());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(1).status());
        assertTrue(hub.storedNotifications().get(1).statusReason().orElseThrow().startsWith("unreadable reason"));
    }

    @Test
    void aRetryingForTheWrongStageOrAnUnknownReasonOrPaymentHasNoEffect() {
        send(orderCreated("o-1", "ref-1", "Authorized", "30"));
        // an authorized payment has no authorization in progress
        send(attempt("walley:authorization:retrying", "auth-o-1", "ref-1", 1, "SERVICE_UNAVAILABLE"));
        send(attempt("walley:authorization:failed", "auth-o-1", "ref-1", 1, "SOLAR_FLARE"));
        send(attempt("walley:authorization:failed", "auth-unknown", "ref-unknown", 1, "PAYMENT_METHOD_EXPIRED"));

        assertEquals(TransactionStatus.AUTHORIZED, hub.onlyTransaction().status());
        assertEquals(List.of("transaction.authorization.success"), hub.outboundTypes());
        List<InboundNotification> stored = hub.storedNotifications();
        assertEquals(4, stored.size());
        stored.subList(1, 4).forEach(n -> assertEquals(ProcessingStatus.IGNORED, n.status(), n.statusReason().orElse("")));
        assertTrue(stored.get(3).statusReason().orElseThrow().contains("no transaction matches"));
    }

    @Test
    void anUnknownTypeIsAcknowledgedAsNoEffect() {
        Answer answer = send("{\"Type\": \"walley:order:teleported\", \"Payload\": {}}");
        assertEquals(200, answer.status());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
    }

    @Test
    void aNulCharacterOrTooDeepJsonIs400MalformedStoredIgnoredAndNeverApplied() {
        // PostgreSQL text cannot hold U+0000: it must never reach a key, reference or reason
        Answer nul = send(orderCreated("45e0", "ref\\u0000-1", "Authorized", "30"));
        Answer deep = send("{\"Type\": \"walley:order:created\", \"Payload\": " + "[".repeat(5000) + "]".repeat(5000) + "}");

        for (Answer answer : List.of(nul, deep)) {
            assertEquals(400, answer.status(), answer.json());
            assertTrue(answer.json().startsWith("{\"error\":"), answer.json());
        }
        assertEquals(List.of(), hub.allTransactions());
        hub.storedNotifications().forEach(n -> {
            assertEquals(ProcessingStatus.IGNORED, n.status());
            assertTrue(n.key().value().startsWith("malformed:"), n.key().value());
        });
    }

    @Test
    void missingOrWrongBasicCredentialsAre401AndStoredButNeverApplied() {
        Map<String, String> none = walleyHeaders();
        none.remove("Authorization");
        Map<String, String> wrong = walleyHeaders();
        wrong.put("Authorization", PipelineFixture.basic(PipelineFixture.WALLEY_USER, "guess"));

        assertEquals(401, hub.post(ProviderId.WALLEY, none, utf8(orderCreated("o-1", "r", "Authorized", "30"))).status());
        assertEquals(401, hub.post(ProviderId.WALLEY, wrong, utf8(orderCreated("o-2", "r", "Authorized", "30"))).status());

        assertEquals(List.of(), hub.allTransactions());
        assertEquals(2, hub.storedNotifications().size());
        hub.storedNotifications().forEach(n -> {
            assertEquals(ProcessingStatus.IGNORED, n.status());
            assertTrue(n.verification().isFailed());
        });
    }

    @Test
    void withSignatureCheckingOnAValidHexOrBase64SignatureWithinTheWindowIsAccepted() {
        hub.configureWalley(true);
        byte[] body = utf8(orderCreated("o-1", "r", "Authorized", "30"));
        String timestamp = String.valueOf(PipelineFixture.NOW.getEpochSecond() - 120);
        byte[] mac = WalleyNotifications.signature(PipelineFixture.WALLEY_HMAC_KEY, timestamp, body);

        Map<String, String> hex = walleyHeaders();
        hex.put("Walley-Timestamp", timestamp);
        hex.put("Walley-Signature", HexFormat.of().formatHex(mac));
        assertEquals(200, hub.post(ProviderId.WALLEY, hex, body).status());

        byte[] second = utf8(orderCreated("o-2", "r2", "Authorized", "30"));
        Map<String, String> base64 = walleyHeaders();
        base64.put("Walley-Timestamp", timestamp);
        base64.put("Walley-Signature", Base64.getEncoder().encodeToString(
            WalleyNotifications.signature(PipelineFixture.WALLEY_HMAC_KEY, timestamp, second)));
        assertEquals(200, hub.post(ProviderId.WALLEY, base64, second).status());
        assertEquals(2, hub.allTransactions().size());
    }

    @Test
    void withSignatureCheckingOnAWrongSignatureAReplayedTimestampOrNoSignatureIs401() {
        hub.configureWalley(true);
        byte[] body = utf8(orderCreated("o-1", "r", "Authorized", "30"));
        String now = String.valueOf(PipelineFixture.NOW.getEpochSecond());
        String old = String.valueOf(PipelineFixture.NOW.minus(Duration.ofMinutes(6)).getEpochSecond());

        Map<String, String> wrong = walleyHeaders();
        wrong.put("Walley-Timestamp", now);
        wrong.put("Walley-Signature", HexFormat.of().formatHex(WalleyNotifications.signature("other-key", now, body)));
        Map<String, String> replayed = walleyHeaders();
        replayed.put("Walley-Timestamp", old);
        replayed.put("Walley-Signature", HexFormat.of().formatHex(
            WalleyNotifications.signature(PipelineFixture.WALLEY_HMAC_KEY, old, body)));
        Map<String, String> unsigned = walleyHeaders();
        unsigned.put("Walley-Timestamp", now);

        assertEquals(401, hub.post(ProviderId.WALLEY, wrong, body).status());
        assertEquals(401, hub.post(ProviderId.WALLEY, replayed, body).status());
        assertEquals(401, hub.post(ProviderId.WALLEY, unsigned, body).status());
        assertEquals(List.of(), hub.allTransactions());
    }

    @Test
    void malformedBodiesAre400StoredAndNeverApplied() {
        Answer answer = send("{\"Type\": \"walley:order:created\", \"Payload\": {\"OrderId\": \"o\", \"Amount\": -3, "
            + "\"Currency\": \"SEK\", \"Status\": \"Authorized\"}}");

        assertEquals(400, answer.status());
        assertTrue(answer.json().contains("\"error\":\"bad_request\""), answer.json());
        assertEquals(List.of(), hub.allTransactions());
        assertEquals(ProcessingStatus.IGNORED, hub.storedNotifications().get(0).status());
    }

    @Test
    void wrongContentTypeIs415AndAnUnknownEndpointKeyIs404() {
        Map<String, String> text = walleyHeaders();
        text.put("Content-Type", "text/plain");
        assertEquals(415, hub.post(ProviderId.WALLEY, text, utf8("{}")).status());
        assertEquals(404, hub.post("walley", "nosuchkey", walleyHeaders(), utf8("{}")).status());
        assertEquals(404, hub.post("paypal", hub.endpointKey(ProviderId.WALLEY), walleyHeaders(), utf8("{}")).status());
        // the Annanow key does not open the Walley endpoint
        assertEquals(404, hub.post("walley", hub.endpointKey(ProviderId.ANNANOW), walleyHeaders(), utf8("{}")).status());
        assertEquals(List.of(), hub.storedNotifications());
    }

    @Test
    void aWebhookIsParsedOnceFromDecodingToApplying() {
        var request = hub.receiveAndApply(ProviderId.WALLEY, walleyHeaders(),
            utf8(orderCreated("o-9", "ref-9", "Authorized", "30")));

        assertEquals(TransactionStatus.AUTHORIZED, hub.onlyTransaction().status());
        assertEquals(1, request.bodyReads());
    }
}
