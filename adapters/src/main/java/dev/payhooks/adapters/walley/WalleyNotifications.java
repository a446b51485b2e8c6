package dev.payhooks.adapters.walley;

import dev.payhooks.adapters.notifications.BasicAuthorization;
import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
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
import jakarta.json.JsonValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walley's checkout and tokenization webhooks: {@code walley:order:created},
 * {@code walley:authorization:retrying} and {@code walley:authorization:failed}, envelope and
 * payload read case-insensitively.
 *
 * <p>Verification: Basic auth with the channel's webhook credentials; when the channel turns
 * {@code verifySignature} on, also {@code Walley-Signature} = HMAC-SHA256 (key: the UTF-8 bytes of
 * the configured HMAC key) over {@code "{Walley-Timestamp}.{raw body}"}, hex or Base64, with
 * the timestamp within ±5 minutes. Walley does not document the HMAC input: this is the hub's
 * assumption (docs/DECISIONS.md), which is why it can be switched off per channel.
 */
public class WalleyNotifications implements NotificationProvider {

    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    public static final String ORDER_CREATED = "walley:order:created";
    public static final String AUTHORIZATION_RETRYING = "walley:authorization:retrying";
    public static final String AUTHORIZATION_FAILED = "walley:authorization:failed";
    public static final Set<String> RETRYING_REASONS =
        Set.of("SERVICE_UNAVAILABLE", "PAYMENT_METHOD_NO_FUNDS", "PAYMENT_METHOD_DECLINED");
    public static final Set<String> FAILED_REASONS =
        Set.of("PAYMENT_METHOD_EXPIRED", "PAYMENT_METHOD_REFUSED", "CANCELLED_BY_CUSTOMER");
    /** The one failure reason Walley cannot simulate: the customer token was cancelled (Walley's Cancel endpoint). */
    static final FailureReason CANCELLED_BY_CUSTOMER = new FailureReason("CANCELLED_BY_CUSTOMER",
        "The customer cancelled the customer token; Walley makes no further attempt");

    /** The webhook's envelope by lower-case name, read once per request (the signature is checked on the raw bytes). */
    private static final InboundRequest.BodyReader<Map<String, JsonValue>> ENVELOPE = request ->
        ProviderJson.caseInsensitive(ProviderJson.object(request.body()), "webhook");

    @Override
    public ProviderId provider() {
        return ProviderId.WALLEY;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> keptHeaders() {
        return Set.of("content-type", "user-agent", "walley-correlationid", "walley-timestamp", "walley-signature",
            "walley-live");
    }

    @Override
    public VerificationResult verify(InboundRequest request, ProviderConfiguration configuration) {
        Optional<String> mismatch = BasicAuthorization.mismatch(request, configuration, "webhookUsername", "webhookPassword");
        if (mismatch.isPresent()) {
            return VerificationResult.failed(mismatch.get());
        }
        if (!configuration.flag("verifySignature")) {
            return BasicAuthorization.configured(configuration, "webhookUsername", "webhookPassword")
                ? VerificationResult.verified() : VerificationResult.notRequired();
        }
        Optional<String> key = configuration.secret("webhookHmacKey");
        if (key.isEmpty()) {
            return VerificationResult.failed("signature checking is on but the channel has no webhookHmacKey");
        }
        Optional<String> timestamp = request.headers().value("walley-timestamp").map(String::strip);
        if (timestamp.isEmpty() || !timestamp.get().matches("[0-9]{1,12}")) {
            return VerificationResult.failed("Walley-Timestamp is missing or not UNIX seconds");
        }
        long seconds = Long.parseLong(timestamp.get());
        long skew = Math.abs(request.receivedAt().getEpochSecond() - seconds);
        if (skew > TIMESTAMP_WINDOW.toSeconds()) {
            return VerificationResult.failed("Walley-Timestamp is " + skew + " s away from the hub's clock (window ±"
                + TIMESTAMP_WINDOW.toSeconds() + " s)");
        }
        Optional<String> signature = request.headers().value("walley-signature").map(String::strip);
        if (signature.isEmpty()) {
            return VerificationResult.failed("Walley-Signature is missing");
        }
        byte[] expected = signature(key.get(), timestamp.get(), request.body());
        return signatureMatches(signature.get(), expected)
            ? VerificationResult.verified() : VerificationResult.failed("Walley-Signature does not match");
    }

    /** HMAC-SHA256 over "{timestamp}.{body}"; public so the sandbox and tests sign the same way. */
    public static byte[] signature(String key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean signatureMatches(String given, byte[] expected) {
        byte[] decoded = null;
        if (given.matches("[0-9a-fA-F]{64}")) {
            decoded = HexFormat.of().parseHex(given);
        } else {
            try {
                decoded = Base64.getDecoder().decode(given);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return MessageDigest.isEqual(decoded, expected);
    }

    @Override
    public List<DecodedNotification> decode(InboundRequest request) {
        return List.of(decodeOne(request));
    }

    private DecodedNotification decodeOne(InboundRequest request) {
        Map<String, JsonValue> envelope = request.read(ENVELOPE);
        String type = ProviderJson.requiredString(envelope, "type", "webhook").strip();
        ProviderJson.string(envelope, "timestamp", "webhook");
        Map<String, JsonValue> payload = ProviderJson.object(envelope, "payload", "webhook");
        String correlationId = request.headers().value("walley-correlationid").map(String::strip).orElse("");
        String normalizedType = type.toLowerCase(Locale.ROOT);
        return switch (normalizedType) {
            case ORDER_CREATED -> orderCreated(payload, correlationId);
            case AUTHORIZATION_RETRYING, AUTHORIZATION_FAILED -> authorizationAttempt(normalizedType, payload, correlationId);
            default -> {
                if (type.length() > 100 || type.chars().anyMatch(Character::isISOControl)) {
                    throw new MalformedNotification("webhook.type is not a Walley webhook type");
                }
                yield new DecodedNotification(NotificationKey.of("walley:unknown", type, bodyDigest(request.body()), correlationId),
                    type, new NotificationEffect.NoEffect("unknown Walley webhook type '" + type + "'"));
            }
        };
    }

    private static DecodedNotification orderCreated(Map<String, JsonValue> payload, String correlationId) {
        String where = "webhook.payload";
        String orderId = reference(ProviderJson.requiredString(payload, "orderid", where), "OrderId");
        Optional<String> reference = ProviderJson.string(payload, "reference", where).filter(r -> !r.isBlank())
            .map(r -> reference(r, "Reference"));
        Optional<String> authorizationId = ProviderJson.string(payload, "authorizationid", where).filter(r -> !r.isBlank())
            .map(r -> reference(r, "AuthorizationId"));
        ProviderJson.string(payload, "customertoken", where);
        Currency currency = currency(ProviderJson.requiredString(payload, "currency", where));
        String amountText = ProviderJson.numberText(payload, "amount", where)
            .orElseThrow(() -> new MalformedNotification(where + ".Amount is required"));
        Money amount;
        try {
            amount = Money.parseJsonNumber(amountText, currency);
        } catch (InvalidValue invalid) {
            throw new MalformedNotification(where + ".Amount: " + invalid.getMessage());
        }
        if (!amount.isPositive()) {
            throw new MalformedNotification(where + ".Amount must be positive");
        }
        String status = ProviderJson.requiredString(payload, "status", where).strip();
        NotificationKey key = NotificationKey.of("walley:order:created", orderId, status, correlationId);
        String description = ORDER_CREATED + " " + status;
        Optional<Step> step = switch (status.toLowerCase(Locale.ROOT)) {
            case "authorized" -> Optional.of(new Step(Operation.AUTHORIZE, OperationResult.SUCCESS));
            case "captured" -> Optional.of(new Step(Operation.CHARGE, OperationResult.SUCCESS));
            case "requiressigning", "requiresidentitycheck" -> Optional.of(new Step(Operation.AUTHORIZE, OperationResult.ACTION_REQUIRED));
            case "onhold" -> Optional.of(new Step(Operation.AUTHORIZE, OperationResult.REQUEST));
            default -> Optional.empty();
        };
        if (step.isEmpty()) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect(
                "unknown Walley order status '" + shortened(status) + "'"));
        }
        List<String> providerReferences = new ArrayList<>();
        providerReferences.add(orderId);
        authorizationId.ifPresent(providerReferences::add);
        PaymentFact fact = PaymentFact.of(step.get().operation(), step.get().result(), amount, orderId, "Walley order " + status,
            "walley:order:" + orderId + ":" + status.toLowerCase(Locale.ROOT));
        TransactionTarget target = new TransactionTarget(providerReferences, reference,
            Optional.of(new TransactionTarget.NewTransaction(reference.orElse(orderId), currency)));
        return new DecodedNotification(key, description,
            new NotificationEffect.OnTransaction(target, current -> FactsOrNoEffect.of(fact)));
    }

    private static DecodedNotification authorizationAttempt(String type, Map<String, JsonValue> payload, String correlationId) {
        String where = "webhook.payload";
        String authorizationId = reference(ProviderJson.requiredString(payload, "authorizationid", where), "AuthorizationId");
        Optional<String> reference = ProviderJson.string(payload, "reference", where).filter(r -> !r.isBlank())
            .map(r -> reference(r, "Reference"));
        ProviderJson.string(payload, "customertoken", where);
        ProviderJson.string(payload, "actionreference", where);
        ProviderJson.string(payload, "createdon", where);
        Optional<Integer> attempt = ProviderJson.count(payload, "currentattempt", where);
        Optional<Integer> maxAttempt = ProviderJson.count(payload, "maxattempt", where);
        String reason = ProviderJson.requiredString(payload, "reason", where).strip();
        boolean retrying = type.equals(AUTHORIZATION_RETRYING);
        NotificationKey key = NotificationKey.of(type, authorizationId, attempt.map(String::valueOf).orElse(""), reason,
            correlationId);
        String description = type + " " + shortened(reason);
        if (!FailureReason.isValidCode(reason)) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect(
                "unreadable reason '" + shortened(reason) + "' for " + type + " (1-" + FailureReason.MAX_CODE_LENGTH
                    + " printable characters)"));
        }
        FailureReason because = reason(reason);
        Set<String> ofThisType = retrying ? RETRYING_REASONS : FAILED_REASONS;
        if (!ofThisType.contains(because.code())) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect(
                "unknown reason '" + shortened(reason) + "' for " + type));
        }
        String message = because.code() + attempt.map(n -> " (attempt " + n
            + maxAttempt.map(m -> " of " + m).orElse("") + ")").orElse("");
        String eventKey = retrying
            ? "walley:authorization:" + authorizationId + ":retrying:" + attempt.map(String::valueOf).orElse("-")
            : "walley:authorization:" + authorizationId + ":failed";
        TransactionTarget target = new TransactionTarget(List.of(authorizationId), reference, Optional.empty());
        return new DecodedNotification(key, description, new NotificationEffect.OnTransaction(target, current -> {
            Money pending = current.amounts().authorizationPending();
            if (!pending.isPositive()) {
                return FactsOrNoEffect.noEffect("transaction " + current.id() + " (" + current.status()
                    + ") has no authorization in progress for " + type);
            }
            PaymentFact fact = PaymentFact.of(Operation.AUTHORIZE, retrying ? OperationResult.REQUEST : OperationResult.FAILURE,
                pending, authorizationId, message, eventKey);
            return FactsOrNoEffect.of(fact.because(because).publishedAs(retrying
                ? "transaction.authorization.retrying" : "transaction.authorization.failed"));
        }));
    }

    private record Step(Operation operation, OperationResult result) { }

    /**
     * A webhook's reason as data: a known code in either spelling (whatever its case) becomes
     * its webhook code with the hub's description; any other code is kept as sent with a
     * generic description (the notification itself then has no effect).
     */
    public static FailureReason reason(String text) {
        String wanted = text.strip();
        if (CANCELLED_BY_CUSTOMER.code().equalsIgnoreCase(wanted)) {
            return CANCELLED_BY_CUSTOMER;
        }
        return WalleyFailureReason.find(wanted).map(WalleyFailureReason::asReason)
            .orElseGet(() -> FailureReason.unknown(wanted, "Walley"));
    }

    private static Currency currency(String code) {
        try {
            return Currency.of(code);
        } catch (InvalidValue unknown) {
            throw new MalformedNotification("webhook.payload.Currency: " + unknown.getMessage());
        }
    }

    private static String reference(String value, String field) {
        String stripped = value.strip();
        if (stripped.length() > 255 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedNotification("webhook.payload." + field + " must be at most 255 printable characters");
        }
        return stripped;
    }

    private static String shortened(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static String bodyDigest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
