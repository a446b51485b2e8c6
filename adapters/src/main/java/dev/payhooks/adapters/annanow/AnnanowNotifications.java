package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.notifications.BasicAuthorization;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.outbound.JsonText;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.DecodedNotification;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.NotificationEffect;
import dev.payhooks.domain.provider.NotificationEffect.FactsOrNoEffect;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.domain.provider.PaymentFact;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.domain.provider.TransactionTarget;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Annanow (Payrexx white-label) notifications: a {@code transaction} or a
 * {@code subscription} object, sent as JSON or as PHP form fields (one tree either way,
 * {@link AnnanowFields}); amounts in the currency's smallest unit.
 *
 * <p>Verification per channel: {@code authMode} URL_KEY (the unguessable key in the URL is the
 * proof) or BASIC (the channel's username and password). Annanow signs nothing, so with
 * {@code confirmByRefetch} a status is applied only once {@code GET {apiBase}/Transaction/{id}}
 * reports the same status.
 */
public class AnnanowNotifications implements NotificationProvider {

    private final AnnanowApi api;

    public AnnanowNotifications(AnnanowApi api) {
        this.api = api;
    }

    @Override
    public ProviderId provider() {
        return ProviderId.ANNANOW;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/json", "application/x-www-form-urlencoded");
    }

    @Override
    public Set<String> keptHeaders() {
        return Set.of("content-type", "user-agent");
    }

    @Override
    public VerificationResult verify(InboundRequest request, ProviderConfiguration configuration) {
        if (!"BASIC".equals(configuration.value("authMode").orElse("URL_KEY"))) {
            // the channel's endpoint key matched: only Annanow and the merchant know the URL
            return VerificationResult.verified();
        }
        if (!BasicAuthorization.configured(configuration, "username", "password")) {
            return VerificationResult.failed("authMode is BASIC but the channel has no username and password");
        }
        return BasicAuthorization.mismatch(request, configuration, "username", "password")
            .map(VerificationResult::failed)
            .orElseGet(VerificationResult::verified);
    }

    /** The body's fields, read once per request: decode and the re-fetch confirmation both use them. */
    private static final InboundRequest.BodyReader<AnnanowFields> FIELDS = request ->
        "application/x-www-form-urlencoded".equals(request.mediaType().orElse(""))
            ? AnnanowFields.fromForm(request.body())
            : AnnanowFields.fromJson(request.body());

    static AnnanowFields fields(InboundRequest request) {
        return request.read(FIELDS);
    }

    @Override
    public List<DecodedNotification> decode(InboundRequest request) {
        return List.of(decodeOne(request));
    }

    private DecodedNotification decodeOne(InboundRequest request) {
        AnnanowFields fields = fields(request);
        if (fields.hasGroup("transaction")) {
            return transaction(fields);
        }
        if (fields.hasGroup("subscription")) {
            return subscription(fields);
        }
        throw new MalformedNotification("the body has neither a transaction nor a subscription object");
    }

    @Override
    public boolean confirmsWithProvider(ProviderConfiguration configuration) {
        return configuration.flag("confirmByRefetch");
    }

    @Override
    public Optional<String> confirmationFailure(InboundRequest request, DecodedNotification notification,
                                                ProviderConfiguration configuration) {
        if (!confirmsWithProvider(configuration)) {
            return Optional.empty();
        }
        AnnanowFields fields = fields(request);
        if (!fields.hasGroup("transaction")) {
            return Optional.empty();
        }
        long id = fields.wholeNumber("transaction", "id").orElseThrow();
        String said = fields.requiredText("transaction", "status");
        Optional<AnnanowStatus> claimed = AnnanowStatus.of(said);
        Optional<String> current = api.transactionStatus(configuration, id);
        if (current.isEmpty()) {
            return Optional.of("transaction " + id + " is unknown to the Annanow API");
        }
        Optional<AnnanowStatus> actual = AnnanowStatus.of(current.get());
        return actual.isPresent() && actual.equals(claimed)
            ? Optional.empty()
            : Optional.of("the notification says '" + said + "' but the Annanow API says '" + current.get() + "'");
    }

    /** The status {@code object} has, as sent: required, and no longer than any Annanow status. */
    private static String status(AnnanowFields f, String object) {
        String status = f.requiredText(object, "status");
        if (status.length() > 50) {
            throw new MalformedNotification(object + ".status is longer than any Annanow status");
        }
        return status;
    }

    private static DecodedNotification transaction(AnnanowFields f) {
        long id = f.requiredWholeNumber("transaction", "id");
        String statusText = status(f, "transaction");
        Optional<AnnanowStatus> status = AnnanowStatus.of(statusText);
        String transactionId = String.valueOf(id);
        if (status.isEmpty()) {
            return new DecodedNotification(NotificationKey.of("annanow:transaction", transactionId, statusText),
                "transaction " + statusText, new NotificationEffect.NoEffect("unknown Annanow status '" + statusText + "'"));
        }
        Currency currency = currency(f.requiredText("transaction", "invoice", "currency"));
        long amountUnits = f.requiredWholeNumber("transaction", "amount");
        Money amount = money(amountUnits, currency, "transaction.amount");
        Optional<Money> refundedTotal = f.wholeNumber("transaction", "invoice", "refundedAmount")
            .map(units -> money(units, currency, "transaction.invoice.refundedAmount"));
        Optional<String> referenceId = reference(f, "transaction", "referenceId")
            .or(() -> reference(f, "transaction", "invoice", "referenceId"));
        Optional<String> paymentRequest = reference(f, "transaction", "invoice", "paymentRequestId")
            .or(() -> reference(f, "transaction", "invoice", "paymentLinkId"))
            .or(() -> reference(f, "transaction", "paymentLinkId"))
            .map(gateway -> "annanow-gateway:" + gateway);
        Optional<String> merchantReference = referenceId.or(() -> paymentRequest);
        AnnanowStatus known = status.get();
        NotificationKey key = NotificationKey.of("annanow:transaction", transactionId, known.wireName(),
            String.valueOf(amountUnits), refundedTotal.map(m -> String.valueOf(m.minorUnits())).orElse(""));
        // a capture of a pre-authorization is a transaction of its own that names the authorized one
        Optional<String> preAuthorization = f.wholeNumber("transaction", "preAuthorizationId")
            .filter(origin -> origin != id).map(String::valueOf);
        List<String> providerReferences = preAuthorization.map(origin -> List.of(transactionId, origin))
            .orElse(List.of(transactionId));
        // ordered by the payment's own Annanow id: a capture names it, often without the merchant's reference
        TransactionTarget target = new TransactionTarget(providerReferences, merchantReference, Optional.of(
            new TransactionTarget.NewTransaction(merchantReference.orElse("annanow-transaction:" + transactionId), currency)),
            Optional.of(preAuthorization.orElse(transactionId)));
        String eventKey = "annanow:" + transactionId + ":" + known.wireName();
        String message = "Annanow " + known.wireName();
        return new DecodedNotification(key, "transaction " + known.wireName(), new NotificationEffect.OnTransaction(target,
            current -> facts(known, current, amount, refundedTotal, transactionId, message, eventKey),
            AnnanowDetails.of(f)));
    }

    /** Annanow statuses as facts for the payment as it stands (docs/EVENTS.md, "Annanow"). */
    static FactsOrNoEffect facts(AnnanowStatus status, PaymentTransaction current, Money amount, Optional<Money> refundedTotal,
                                 String reference, String message, String eventKey) {
        boolean authorizedOnly = current.authorized().isPositive() && current.charged().isZero();
        return switch (status) {
            case WAITING -> one(Operation.CHARGE, OperationResult.REQUEST, amount, reference, message, eventKey);
            case CONFIRMED -> one(Operation.CHARGE, OperationResult.SUCCESS, amount, reference, message, eventKey);
            case AUTHORIZED, RESERVED, UNCAPTURED -> one(Operation.AUTHORIZE, OperationResult.SUCCESS, amount, reference, message, eventKey);
            case CANCELLED -> authorizedOnly
                ? one(Operation.CANCEL, OperationResult.SUCCESS, amount.min(current.authorized()), reference, message, eventKey)
                : one(Operation.CHARGE, OperationResult.FAILURE, amount, reference, message + " (aborted by the customer)", eventKey);
            case DECLINED, ERROR -> one(Operation.CHARGE, OperationResult.FAILURE, amount, reference, message, eventKey);
            case REFUND_PENDING -> {
                Money total = refundedTotal.orElse(current.charged());
                Money part = total.minus(current.refunded()).minus(current.amounts().refundPending());
                yield part.isPositive()
                    ? one(Operation.REFUND, OperationResult.REQUEST, part, reference, message, eventKey + ":" + total.minorUnits())
                    : FactsOrNoEffect.noEffect("refund of " + total + " is already pending or recorded on transaction " + current.id());
            }
            case REFUNDED, PARTIALLY_REFUNDED -> {
                if (refundedTotal.isEmpty() && status == AnnanowStatus.PARTIALLY_REFUNDED) {
                    yield FactsOrNoEffect.noEffect("partially-refunded without invoice.refundedAmount: the refunded amount is unknown");
                }
                Money total = refundedTotal.orElse(current.charged());
                Money part = total.minus(current.refunded());
                yield part.isPositive()
                    ? one(Operation.REFUND, OperationResult.SUCCESS, part, reference, message, eventKey + ":" + total.minorUnits())
                    : FactsOrNoEffect.noEffect("refunds of " + total + " are already recorded on transaction " + current.id());
            }
            case CHARGEBACK -> one(Operation.CHARGEBACK, OperationResult.SUCCESS, amount, reference, message, eventKey);
        };
    }

    private static FactsOrNoEffect one(Operation operation, OperationResult result, Money amount, String reference,
                                       String message, String eventKey) {
        if (!amount.isPositive()) {
            return FactsOrNoEffect.noEffect("Annanow reported " + amount + " for " + message + ": nothing to record");
        }
        return FactsOrNoEffect.of(PaymentFact.of(operation, result, amount, reference, message, eventKey));
    }

    private static DecodedNotification subscription(AnnanowFields f) {
        long id = f.requiredWholeNumber("subscription", "id");
        String status = status(f, "subscription");
        String normalized = status.toLowerCase(Locale.ROOT);
        String validUntil = optionalText(f, "subscription", "valid_until");
        String end = optionalText(f, "subscription", "end");
        NotificationKey key = NotificationKey.of("annanow:subscription", String.valueOf(id), normalized, validUntil, end);
        String eventType = switch (normalized) {
            case "active" -> "subscription.payment.success";
            case "failed", "overdue" -> "subscription.payment.failure";
            case "in_notice" -> "subscription.notice_given";
            case "cancelled" -> "subscription.cancelled";
            default -> null;
        };
        if (eventType == null) {
            return new DecodedNotification(key, "subscription " + status,
                new NotificationEffect.NoEffect("unknown Annanow subscription status '" + status + "'"));
        }
        JsonText object = JsonText.object()
            .string("type", "subscription")
            .string("key", String.valueOf(id))
            .string("uuid", text(f, "subscription", "uuid"))
            .string("status", normalized)
            .string("start", text(f, "subscription", "start"))
            .string("end", text(f, "subscription", "end"))
            .string("valid_until", text(f, "subscription", "valid_until"))
            .string("payment_interval", text(f, "subscription", "paymentInterval"))
            .string("currency", text(f, "subscription", "invoice", "currency"));
        return new DecodedNotification(key, "subscription " + normalized,
            new NotificationEffect.OnSubscription(eventType, String.valueOf(id), object));
    }

    private static String text(AnnanowFields f, String... path) {
        return f.text(path).map(t -> t.length() > 200 ? t.substring(0, 200) : t).orElse(null);
    }

    private static String optionalText(AnnanowFields f, String... path) {
        return f.text(path).map(String::strip).orElse("");
    }

    private static Optional<String> reference(AnnanowFields f, String... path) {
        Optional<String> value = f.text(path).map(String::strip).filter(t -> !t.isEmpty());
        value.ifPresent(v -> {
            if (v.length() > 200 || v.chars().anyMatch(Character::isISOControl)) {
                throw new MalformedNotification(String.join(".", path) + " must be at most 200 printable characters");
            }
        });
        return value;
    }

    private static Currency currency(String code) {
        try {
            return Currency.of(code);
        } catch (InvalidValue unknown) {
            throw new MalformedNotification("transaction.invoice.currency: " + unknown.getMessage());
        }
    }

    private static Money money(long units, Currency currency, String field) {
        try {
            return Money.ofProviderMinorUnits(units, currency, ProviderId.ANNANOW);
        } catch (InvalidValue invalid) {
            throw new MalformedNotification(field + ": " + invalid.getMessage());
        }
    }
}
