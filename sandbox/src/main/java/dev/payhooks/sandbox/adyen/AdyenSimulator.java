package dev.payhooks.sandbox.adyen;

import dev.payhooks.adapters.adyen.AdyenNotifications;
import dev.payhooks.adapters.api.JsonInput;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adyen's Checkout API as the sandbox plays it, so the Saleor flow runs without Adyen
 * (Adyen's endpoints). The channel is found by the {@code X-API-Key} and
 * {@code merchantAccount} of the request (and {@code metadata.channelId}, the channel slug the
 * hub sends, when several channels share them); a key no channel has is Adyen's 401.
 *
 * <p>{@code /payments} decides by the card ({@code paymentMethod.number} or Adyen's test form
 * {@code encryptedCardNumber: "test_<number>"}), the holder name and the amount:
 * <ul>
 *   <li>holder name a refusal code ({@link #REFUSALS}, e.g. {@code DECLINED}) → {@code Refused}
 *       with that reason; {@code ERROR} → {@code Error};</li>
 *   <li>amount value {@value #REFUSED_AMOUNT} (minor units) → {@code Refused}, "Not enough balance";</li>
 *   <li>a 3DS test card ({@link #THREE_DS_CARDS}) → {@code RedirectShopper} or
 *       {@code IdentifyShopper} with an {@code action}; {@code /payments/details} with
 *       {@code details.redirectResult} / {@code details.threeDSResult} (the value the action
 *       carries) then answers {@code Authorised};</li>
 *   <li>one of Adyen's documented test cards ({@link #CARDS}) → {@code Authorised};
 *       another number → {@code Refused}, "Invalid Card Number";</li>
 *   <li>a non-card method (iDEAL, PayPal…) → {@code RedirectShopper}, then details as above.</li>
 * </ul>
 * Modifications ({@code /payments/{psp}/captures|cancels|refunds}) answer {@code received} at
 * once and, shortly after, send the CAPTURE / CANCELLATION / REFUND notification to the channel's
 * notification endpoint through {@link Notifier}, signed with the channel's current HMAC key and
 * with its Basic credentials. Payments live in memory and are lost on restart.
 */
public class AdyenSimulator {

    /** Adyen's documented test cards that are authorised, by number. */
    static final Map<String, String> CARDS = Map.of(
        "4111111145551142", "visa",
        "4111111111111111", "visa",
        "5555341244441115", "mc",
        "2222400070000005", "mc",
        "370000000000002", "amex");
    /** 3DS test cards: number → the result code of the first answer. */
    static final Map<String, String> THREE_DS_CARDS = Map.of(
        "4917610000000000", "RedirectShopper",
        "5454545454545454", "IdentifyShopper");
    /** Holder names that refuse, → Adyen's refusalReason. */
    static final Map<String, String> REFUSALS = Map.of(
        "DECLINED", "Refused",
        "CARD_EXPIRED", "Expired Card",
        "NOT_ENOUGH_BALANCE", "Not enough balance",
        "BLOCK_CARD", "Blocked Card",
        "CVC_DECLINED", "CVC Declined",
        "FRAUD", "FRAUD",
        "ISSUER_UNAVAILABLE", "Issuer Unavailable");
    static final long REFUSED_AMOUNT = 100_001;

    private static final Pattern MODIFICATION = Pattern.compile("payments/([^/]+)/(captures|cancels|refunds)");

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String body) { }

    /** A channel the simulator plays Adyen for. */
    public record Account(String merchantId, String channelSlug, String endpointKey, String apiKey,
                          String merchantAccount, String hmacKey, Optional<String> username, Optional<String> password) { }

    /** The channels configured for Adyen (by API key and merchant account, slug when given). */
    @FunctionalInterface
    public interface Accounts {
        List<Account> find(String merchantAccount);
    }

    /** Sends a notification batch to a channel's endpoint, some time after the modification was answered. */
    @FunctionalInterface
    public interface Notifier {
        void send(Account account, String batch);
    }

    private record Payment(String psp, Account account, String reference, long value, String currency, String method,
                           String brand, String lastFour, String state) {
        Payment with(String newState) {
            return new Payment(psp, account, reference, value, currency, method, brand, lastFour, newState);
        }
    }

    private final Accounts accounts;
    private final Notifier notifier;
    private final Clock clock;
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public AdyenSimulator(Accounts accounts, Notifier notifier, Clock clock) {
        this.accounts = accounts;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** @param path below the API version, e.g. {@code payments/details} */
    public Answer handle(String method, String path, String apiKey, String body) {
        if (!"POST".equalsIgnoreCase(method)) {
            return error(405, "905", "HTTP method not supported", "validation");
        }
        JsonObject request;
        try {
            JsonValue json = JsonInput.value((body == null ? "" : body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (json.getValueType() != JsonValue.ValueType.OBJECT) {
                return error(400, "702", "Structure of request body is not an object", "validation");
            }
            request = json.asJsonObject();
        } catch (JsonInput.Refused e) {
            return error(400, "702", "Malformed JSON", "validation");
        }
        String merchantAccount = string(request, "merchantAccount");
        Matcher modification = MODIFICATION.matcher(path);
        Optional<Payment> modified = modification.matches() ? Optional.ofNullable(payments.get(modification.group(1)))
            : Optional.empty();
        if (merchantAccount == null && path.equals("payments/details")) {
            merchantAccount = detailsPayment(request).map(p -> p.account().merchantAccount()).orElse(null);
        }
        if (merchantAccount == null) {
            return error(422, "901", "Invalid Merchant Account", "validation");
        }
        Optional<Account> account = account(apiKey, merchantAccount, channelSlug(request));
        if (account.isEmpty()) {
            return error(401, "000", "HTTP Status Response - Unauthorized", "security");
        }
        if (modification.matches()) {
            if (modified.isEmpty() || !modified.get().account().equals(account.get())) {
                return error(422, "167", "Original pspReference required for this operation", "validation");
            }
            return modify(modified.get(), modification.group(2), request);
        }
        return switch (path) {
            case "paymentMethods" -> new Answer(200, paymentMethods());
            case "payments" -> pay(account.get(), request);
            case "payments/details" -> details(account.get(), request);
            default -> error(404, "000", "Not found", "validation");
        };
    }

    private Optional<Account> account(String apiKey, String merchantAccount, String slug) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        List<Account> matching = accounts.find(merchantAccount).stream()
            .filter(a -> MessageDigest.isEqual(a.apiKey().getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8)))
            .toList();
        return matching.stream().filter(a -> a.channelSlug().equals(slug)).findFirst()
            .or(() -> matching.stream().findFirst());
    }

    private static String paymentMethods() {
        return JSON.createObjectBuilder().add("paymentMethods", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("name", "Cards").add("type", "scheme")
                .add("brands", JSON.createArrayBuilder().add("visa").add("mc").add("amex")))
            .add(JSON.createObjectBuilder().add("name", "iDEAL").add("type", "ideal"))
            .add(JSON.createObjectBuilder().add("name", "PayPal").add("type", "paypal")))
            .build().toString();
    }

    private Answer pay(Account account, JsonObject request) {
        String reference = string(request, "reference");
        JsonObject amount = object(request, "amount");
        JsonObject method = object(request, "paymentMethod");
        if (reference == null || amount == null || !(amount.get("value") instanceof JsonNumber value)
            || string(amount, "currency") == null) {
            return error(422, "130", "Required field 'reference' or 'amount' is missing", "validation");
        }
        if (method == null || string(method, "type") == null) {
            return error(422, "14_030", "Required field 'paymentMethod.type' is missing", "validation");
        }
        String type = string(method, "type");
        String number = cardNumber(method);
        String holder = Optional.ofNullable(string(method, "holderName")).orElse(string(request, "shopperName") == null
            ? "" : string(request, "shopperName")).strip().toUpperCase(Locale.ROOT);
        String brand = "scheme".equals(type) ? CARDS.getOrDefault(number, number.startsWith("5") ? "mc" : "visa") : type;
        String lastFour = number.length() >= 4 ? number.substring(number.length() - 4) : "";
        Payment payment = new Payment(newPsp(), account, reference, value.longValue(), string(amount, "currency"), type,
            brand, lastFour, "NEW");

        String resultCode;
        String refusal = null;
        JsonObject action = null;
        if (holder.equals("ERROR")) {
            resultCode = "Error";
            refusal = "Acquirer Error";
        } else if (REFUSALS.containsKey(holder)) {
            resultCode = "Refused";
            refusal = REFUSALS.get(holder);
        } else if (value.longValue() == REFUSED_AMOUNT) {
            resultCode = "Refused";
            refusal = "Not enough balance";
        } else if (!"scheme".equals(type) || THREE_DS_CARDS.containsKey(number)) {
            resultCode = "scheme".equals(type) ? THREE_DS_CARDS.get(number) : "RedirectShopper";
            action = action(payment, resultCode, type);
        } else if (CARDS.containsKey(number)) {
            resultCode = "Authorised";
        } else {
            resultCode = "Refused";
            refusal = "Invalid Card Number";
        }
        payments.put(payment.psp(), payment.with(switch (resultCode) {
            case "Authorised" -> "AUTHORISED";
            case "RedirectShopper", "IdentifyShopper" -> "PENDING";
            default -> "REFUSED";
        }));
        return new Answer(200, result(payment, resultCode, refusal, action).toString());
    }

    private JsonObject action(Payment payment, String resultCode, String type) {
        if (resultCode.equals("IdentifyShopper")) {
            return JSON.createObjectBuilder().add("type", "threeDS2").add("subtype", "fingerprint")
                .add("paymentMethodType", type).add("token", payment.psp()).add("paymentData", payment.psp()).build();
        }
        return JSON.createObjectBuilder().add("type", "redirect").add("paymentMethodType", type).add("method", "GET")
            .add("url", "https://checkoutshopper-test.adyen.com/sandbox/redirect?redirectResult=" + payment.psp())
            .add("paymentData", payment.psp()).build();
    }

    private Answer details(Account account, JsonObject request) {
        Optional<Payment> found = detailsPayment(request);
        if (found.isEmpty() || !found.get().account().equals(account) || !found.get().state().equals("PENDING")) {
            return error(422, "101", "Invalid payment details: no payment waits for these details", "validation");
        }
        Payment payment = found.get().with("AUTHORISED");
        payments.put(payment.psp(), payment);
        return new Answer(200, result(payment, "Authorised", null, null).toString());
    }

    private Optional<Payment> detailsPayment(JsonObject request) {
        JsonObject details = object(request, "details");
        String key = details == null ? null
            : Optional.ofNullable(string(details, "redirectResult")).orElse(string(details, "threeDSResult"));
        if (key == null) {
            key = string(request, "paymentData");
        }
        return key == null ? Optional.empty() : Optional.ofNullable(payments.get(key));
    }

    private static JsonObject result(Payment payment, String resultCode, String refusal, JsonObject action) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("pspReference", payment.psp())
            .add("resultCode", resultCode)
            .add("merchantReference", payment.reference())
            .add("amount", JSON.createObjectBuilder().add("value", payment.value()).add("currency", payment.currency()))
            .add("paymentMethod", JSON.createObjectBuilder().add("type", payment.method()).add("brand", payment.brand()));
        if (refusal != null) {
            json.add("refusalReason", refusal);
        }
        if (action != null) {
            json.add("action", action);
        }
        if ("scheme".equals(payment.method()) && !payment.lastFour().isEmpty()) {
            json.add("additionalData", JSON.createObjectBuilder().add("cardSummary", payment.lastFour()));
        }
        return json.build();
    }

    private Answer modify(Payment payment, String kind, JsonObject request) {
        if (!payment.state().equals("AUTHORISED") && !payment.state().equals("CAPTURED")) {
            return error(422, "167", "Original pspReference required for this operation", "validation");
        }
        long value = payment.value();
        String currency = payment.currency();
        JsonObject amount = object(request, "amount");
        if (!kind.equals("cancels")) {
            if (amount == null || !(amount.get("value") instanceof JsonNumber v) || string(amount, "currency") == null) {
                return error(422, "100", "Required field 'amount' is missing", "validation");
            }
            if (!currency.equals(string(amount, "currency")) || v.longValue() <= 0 || v.longValue() > payment.value()) {
                return error(422, "137", "Invalid amount specified", "validation");
            }
            value = v.longValue();
        }
        String eventCode = switch (kind) {
            case "captures" -> "CAPTURE";
            case "cancels" -> "CANCELLATION";
            default -> "REFUND";
        };
        payments.put(payment.psp(), payment.with(kind.equals("captures") ? "CAPTURED"
            : kind.equals("cancels") ? "CANCELLED" : payment.state()));
        String modificationPsp = newPsp();
        JsonObjectBuilder answer = JSON.createObjectBuilder()
            .add("merchantAccount", payment.account().merchantAccount())
            .add("paymentPspReference", payment.psp())
            .add("pspReference", modificationPsp)
            .add("status", "received");
        String reference = string(request, "reference");
        if (reference != null) {
            answer.add("reference", reference);
        }
        if (!kind.equals("cancels")) {
            answer.add("amount", JSON.createObjectBuilder().add("value", value).add("currency", currency));
        }
        notifier.send(payment.account(), batch(payment.account(), modificationPsp, payment.psp(), payment.reference(),
            value, currency, eventCode));
        return new Answer(201, answer.build().toString());
    }

    /** A one-item notification batch, signed as Adyen signs it. */
    String batch(Account account, String psp, String original, String reference, long value, String currency,
                 String eventCode) {
        String data = String.join(":", psp, original, account.merchantAccount(), reference, String.valueOf(value),
            currency, eventCode, "true");
        String signature = AdyenNotifications.hmac(data, account.hmacKey())
            .orElseThrow(() -> new IllegalStateException("the channel's HMAC key is not hex"));
        JsonObject item = JSON.createObjectBuilder()
            .add("eventCode", eventCode).add("success", "true").add("pspReference", psp)
            .add("originalReference", original).add("merchantAccountCode", account.merchantAccount())
            .add("merchantReference", reference)
            .add("amount", JSON.createObjectBuilder().add("value", value).add("currency", currency))
            .add("eventDate", clock.instant().toString()).add("reason", "")
            .add("additionalData", JSON.createObjectBuilder().add("hmacSignature", signature))
            .build();
        return JSON.createObjectBuilder().add("live", "false").add("notificationItems", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("NotificationRequestItem", item))).build().toString();
    }

    private String newPsp() {
        StringBuilder psp = new StringBuilder("SIM");
        for (int i = 0; i < 13; i++) {
            psp.append(random.nextInt(10));
        }
        return psp.toString();
    }

    private static String cardNumber(JsonObject method) {
        String number = Optional.ofNullable(string(method, "number")).orElse(string(method, "encryptedCardNumber"));
        if (number == null) {
            return "";
        }
        return number.replaceFirst("^test_", "").replaceAll("[\\s-]", "");
    }

    private static String channelSlug(JsonObject request) {
        JsonObject metadata = object(request, "metadata");
        return metadata == null ? null : string(metadata, "channelId");
    }

    private static Answer error(int status, String code, String message, String type) {
        return new Answer(status, JSON.createObjectBuilder().add("status", status).add("errorCode", code)
            .add("message", message).add("errorType", type).build().toString());
    }

    private static String string(JsonObject json, String field) {
        return json.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static JsonObject object(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }
}
