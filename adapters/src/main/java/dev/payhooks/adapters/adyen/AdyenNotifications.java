package dev.payhooks.adapters.adyen;

import com.adyen.util.HMACValidator;
import dev.payhooks.adapters.notifications.BasicAuthorization;
import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.Currency;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adyen's standard notifications: a batch of
 * {@code NotificationRequestItem}s, each verified, deduplicated and applied on its own.
 *
 * <p>Verification: Basic auth with the channel's notification credentials, then the HMAC of
 * EVERY item ({@code additionalData.hmacSignature}) against the current or the previous key of
 * {@code hmacKeys}, computed with the Adyen library's {@link HMACValidator} over the item's
 * fields as they were sent and compared in constant time. One bad item refuses the batch: Adyen
 * signs every item it sends, so a batch with one unsigned item was not (only) written by Adyen.
 */
public class AdyenNotifications implements NotificationProvider {

    /** Adyen resends a batch until the answer is HTTP 200 with exactly this body (duplicates included). */
    public static final String ACCEPTED = "[accepted]";

    /** The batch's items, read once per request: verify, decode and the Saleor report all use them. */
    private static final InboundRequest.BodyReader<List<Item>> ITEMS = request -> items(request.body());

    private static final int MAX_ITEMS = 1000;
    private static final int MAX_FIELD_LENGTH = 255;

    @Override
    public ProviderId provider() {
        return ProviderId.ADYEN;
    }

    @Override
    public Optional<Acknowledgement> acknowledgement() {
        return Optional.of(new Acknowledgement(ACCEPTED, "text/plain"));
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> keptHeaders() {
        return Set.of("content-type", "user-agent");
    }

    @Override
    public VerificationResult verify(InboundRequest request, ProviderConfiguration configuration) {
        Optional<String> mismatch = BasicAuthorization.mismatch(request, configuration, "notificationUsername",
            "notificationPassword");
        if (mismatch.isPresent()) {
            return VerificationResult.failed(mismatch.get());
        }
        List<String> keys = configuration.secretList("hmacKeys");
        if (keys.isEmpty()) {
            return VerificationResult.failed("the channel has no Adyen HMAC key, so no notification can be verified");
        }
        List<Item> items;
        try {
            items = items(request);
        } catch (MalformedNotification unreadable) {
            // nothing in it can be applied; decode answers 400 with the reason
            return VerificationResult.verified();
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.hmacSignature().isEmpty()) {
                return VerificationResult.failed("notificationItems[" + i + "] has no additionalData.hmacSignature");
            }
            if (!signatureMatches(item, keys)) {
                return VerificationResult.failed("notificationItems[" + i + "] (pspReference " + item.pspReference()
                    + "): HMAC signature does not match the channel's current or previous key");
            }
        }
        return VerificationResult.verified();
    }

    private static boolean signatureMatches(Item item, List<String> keys) {
        byte[] given = item.hmacSignature().get().strip().getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String key : keys) {
            Optional<String> expected = hmac(item.signedData(), key);
            // every key is tried, so the time taken does not say which key matched
            matched |= expected.isPresent()
                && MessageDigest.isEqual(given, expected.get().getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** HMAC-SHA256 with the hex key, Base64: the library's computation (the sandbox's simulator signs with it too). Empty for a key that is not hex. */
    public static Optional<String> hmac(String data, String hexKey) {
        try {
            return Optional.of(new HMACValidator().calculateHMAC(data, hexKey.strip()));
        } catch (IllegalArgumentException | SignatureException badKey) {
            return Optional.empty();
        }
    }

    @Override
    public List<DecodedNotification> decode(InboundRequest request) {
        return decode(request, null);
    }

    @Override
    public List<DecodedNotification> decode(InboundRequest request, ProviderConfiguration configuration) {
        List<Item> items = items(request);
        boolean charges = configuration != null && configuration.value("captureStrategy")
            .map("CHARGE"::equalsIgnoreCase).orElse(false);
        Optional<String> merchantAccount = configuration == null ? Optional.empty()
            : configuration.value("merchantAccount");
        List<DecodedNotification> decoded = new ArrayList<>();
        for (Item item : items) {
            decoded.add(decodeItem(item, charges, merchantAccount));
        }
        return decoded;
    }

    private static DecodedNotification decodeItem(Item item, boolean charges, Optional<String> merchantAccount) {
        NotificationKey key = itemKey(item.pspReference(), item.eventCode(), item.success(), item.originalReference());
        String description = item.eventCode() + (item.success() ? "" : " (success false)") + " " + item.pspReference();
        if (merchantAccount.isPresent() && !merchantAccount.get().equals(item.merchantAccountCode())) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect("merchant account '"
                + item.merchantAccountCode() + "' is not this channel's Adyen merchant account"));
        }
        Optional<Step> step = step(item.eventCode(), item.success(), charges);
        if (step.isEmpty()) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect(
                "Adyen event code '" + item.eventCode() + "' has no effect on payments in the hub"));
        }
        if (item.amount().isEmpty()) {
            throw new MalformedNotification("the " + item.eventCode() + " item " + item.pspReference() + " has no amount");
        }
        Money amount = item.amount().get();
        if (!amount.isPositive()) {
            return new DecodedNotification(key, description, new NotificationEffect.NoEffect(
                item.eventCode() + " for " + amount + " moves no money"));
        }
        boolean authorisation = item.eventCode().equals("AUTHORISATION");
        // the payment's own pspReference: modifications (capture, refund…) name it in originalReference
        String paymentReference = authorisation || item.originalReference().isEmpty()
            ? item.pspReference() : item.originalReference();
        List<String> references = new ArrayList<>();
        references.add(paymentReference);
        if (!paymentReference.equals(item.pspReference())) {
            references.add(item.pspReference());
        }
        Optional<String> merchantReference = Optional.of(item.merchantReference()).filter(r -> !r.isBlank());
        Optional<TransactionTarget.NewTransaction> create = authorisation
            ? Optional.of(new TransactionTarget.NewTransaction(merchantReference.orElse(item.pspReference()),
                amount.currency()))
            : Optional.empty();
        String message = item.reason().filter(r -> !r.isBlank())
            .map(r -> "Adyen " + item.eventCode() + ": " + r)
            .orElse("Adyen " + item.eventCode());
        PaymentFact fact = PaymentFact.of(step.get().operation(), step.get().result(), amount, paymentReference,
            message, key.value());
        // a capture or refund may carry a merchant reference of its own: the payment's pspReference keeps them in order
        TransactionTarget target = new TransactionTarget(references, merchantReference, create, Optional.of(paymentReference));
        return new DecodedNotification(key, description,
            new NotificationEffect.OnTransaction(target, current -> FactsOrNoEffect.of(fact)));
    }

    /** The contract's idempotency tuple (pspReference, eventCode, success, originalReference). */
    static NotificationKey itemKey(String pspReference, String eventCode, boolean success, String originalReference) {
        return NotificationKey.of("adyen", pspReference, eventCode, String.valueOf(success), originalReference);
    }

    /** The contract's event code table; empty for codes the hub does not act on. */
    static Optional<Step> step(String eventCode, boolean success, boolean charges) {
        OperationResult outcome = success ? OperationResult.SUCCESS : OperationResult.FAILURE;
        return Optional.ofNullable(switch (eventCode) {
            case "AUTHORISATION" -> new Step(charges ? Operation.CHARGE : Operation.AUTHORIZE, outcome);
            case "CAPTURE" -> new Step(Operation.CHARGE, outcome);
            case "CAPTURE_FAILED" -> new Step(Operation.CHARGE, OperationResult.FAILURE);
            case "CANCELLATION" -> new Step(Operation.CANCEL, outcome);
            case "REFUND" -> new Step(Operation.REFUND, outcome);
            case "REFUND_FAILED" -> new Step(Operation.REFUND, OperationResult.FAILURE);
            case "REFUNDED_REVERSED" -> success ? new Step(Operation.REFUND_REVERSAL, OperationResult.SUCCESS) : null;
            case "CHARGEBACK" -> success ? new Step(Operation.CHARGEBACK, OperationResult.SUCCESS) : null;
            default -> null;
        });
    }

    record Step(Operation operation, OperationResult result) { }

    /**
     * One item as sent. {@code amountValue}/{@code currencyCode} and {@code successText} keep
     * their text, since the HMAC is over what Adyen wrote.
     */
    record Item(String pspReference, String originalReference, String merchantAccountCode, String merchantReference,
                String amountValue, String currencyCode, String eventCode, String successText,
                Optional<String> reason, Optional<String> hmacSignature, Optional<Money> amount) {

        boolean success() {
            return successText.equals("true");
        }

        /** Adyen's signed fields: pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success */
        String signedData() {
            return String.join(":", pspReference, originalReference, merchantAccountCode, merchantReference,
                amountValue, currencyCode, eventCode, successText);
        }
    }

    /** The request's items, read from its body on the first call only. */
    static List<Item> items(InboundRequest request) {
        return request.read(ITEMS);
    }

    static List<Item> items(byte[] body) {
        JsonObject batch = ProviderJson.object(body);
        JsonValue list = batch.get("notificationItems");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedNotification("notificationItems must be an array of NotificationRequestItem objects");
        }
        JsonArray array = list.asJsonArray();
        if (array.isEmpty() || array.size() > MAX_ITEMS) {
            throw new MalformedNotification("notificationItems must hold 1 to " + MAX_ITEMS + " items");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "notificationItems[" + i + "]";
            JsonValue wrapper = array.get(i);
            if (wrapper.getValueType() != JsonValue.ValueType.OBJECT
                || !(wrapper.asJsonObject().get("NotificationRequestItem") instanceof JsonObject item)) {
                throw new MalformedNotification(where + " must be an object with a NotificationRequestItem object");
            }
            items.add(item(item, where + ".NotificationRequestItem"));
        }
        return items;
    }

    private static Item item(JsonObject item, String where) {
        Map<String, JsonValue> fields = item;
        String pspReference = field(ProviderJson.requiredString(fields, "pspReference", where), where, "pspReference");
        String originalReference = field(ProviderJson.string(fields, "originalReference", where).orElse(""), where,
            "originalReference");
        String merchantAccount = field(ProviderJson.requiredString(fields, "merchantAccountCode", where), where,
            "merchantAccountCode");
        String merchantReference = field(ProviderJson.string(fields, "merchantReference", where).orElse(""), where,
            "merchantReference");
        String eventCode = field(ProviderJson.requiredString(fields, "eventCode", where), where, "eventCode");
        if (!eventCode.matches("[A-Z0-9_]{1,64}")) {
            throw new MalformedNotification(where + ".eventCode is not an Adyen event code");
        }
        String success = successText(fields.get("success"), where);
        Optional<String> reason = ProviderJson.string(fields, "reason", where);
        String value = "";
        String currencyCode = "";
        Optional<Money> amount = Optional.empty();
        JsonValue amountField = fields.get("amount");
        if (amountField != null && amountField.getValueType() != JsonValue.ValueType.NULL) {
            if (amountField.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedNotification(where + ".amount must be an object");
            }
            Map<String, JsonValue> amountFields = amountField.asJsonObject();
            value = ProviderJson.numberText(amountFields, "value", where + ".amount")
                .orElseThrow(() -> new MalformedNotification(where + ".amount.value is required"));
            currencyCode = ProviderJson.requiredString(amountFields, "currency", where + ".amount");
            amount = Optional.of(money(value, currencyCode, where));
        }
        Optional<String> signature = Optional.empty();
        JsonValue additional = fields.get("additionalData");
        if (additional != null && additional.getValueType() == JsonValue.ValueType.OBJECT) {
            signature = ProviderJson.string(additional.asJsonObject(), "hmacSignature", where + ".additionalData");
        } else if (additional != null && additional.getValueType() != JsonValue.ValueType.NULL) {
            throw new MalformedNotification(where + ".additionalData must be an object");
        }
        return new Item(pspReference, originalReference, merchantAccount, merchantReference, value, currencyCode,
            eventCode, success, reason, signature, amount);
    }

    private static String successText(JsonValue value, String where) {
        if (value == JsonValue.TRUE) {
            return "true";
        }
        if (value == JsonValue.FALSE) {
            return "false";
        }
        if (value instanceof jakarta.json.JsonString text
            && (text.getString().equals("true") || text.getString().equals("false"))) {
            return text.getString();
        }
        throw new MalformedNotification(where + ".success must be \"true\" or \"false\"");
    }

    private static Money money(String value, String currencyCode, String where) {
        if (!value.matches("-?[0-9]{1,18}")) {
            throw new MalformedNotification(where + ".amount.value must be a whole number of minor units");
        }
        try {
            return Money.ofProviderMinorUnits(Long.parseLong(value), Currency.of(currencyCode), ProviderId.ADYEN);
        } catch (InvalidValue invalid) {
            throw new MalformedNotification(where + ".amount: " + invalid.getMessage());
        }
    }

    private static String field(String value, String where, String name) {
        if (value.length() > MAX_FIELD_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedNotification(where + "." + name + " must be at most " + MAX_FIELD_LENGTH
                + " printable characters");
        }
        return value;
    }
}
