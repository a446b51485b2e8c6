package dev.payhooks.adapters.adyen;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * What a {@code /payments} or {@code /payments/details} answer means for Saleor
 * (Adyen's result mapping for sessions), with the channel's capture strategy
 * choosing between the AUTHORIZATION_* and CHARGE_* results:
 * an {@code action} → ACTION_REQUIRED; Refused/Error/Cancelled → FAILURE with Adyen's
 * {@code refusalReason}; no pspReference → ACTION_REQUIRED; Authorised → SUCCESS;
 * Pending/Received → REQUEST; any other code (IdentifyShopper, ChallengeShopper…) → ACTION_REQUIRED.
 */
public record AdyenSessionResult(String result, Optional<String> pspReference, String message) {

    public enum Kind { SUCCESS, REQUEST, ACTION_REQUIRED, FAILURE }

    public static AdyenSessionResult of(JsonObject response, boolean charges) {
        String prefix = charges ? "CHARGE_" : "AUTHORIZATION_";
        Optional<String> psp = text(response, "pspReference");
        String resultCode = text(response, "resultCode").orElse("");
        JsonValue action = response.get("action");
        boolean hasAction = action != null && action.getValueType() == JsonValue.ValueType.OBJECT;
        Kind kind;
        if (hasAction) {
            kind = Kind.ACTION_REQUIRED;
        } else if (resultCode.equals("Refused") || resultCode.equals("Error") || resultCode.equals("Cancelled")) {
            kind = Kind.FAILURE;
        } else if (psp.isEmpty()) {
            kind = Kind.ACTION_REQUIRED;
        } else if (resultCode.equals("Authorised")) {
            kind = Kind.SUCCESS;
        } else if (resultCode.equals("Pending") || resultCode.equals("Received")) {
            kind = Kind.REQUEST;
        } else {
            kind = Kind.ACTION_REQUIRED;
        }
        String message = kind == Kind.FAILURE
            ? "Adyen: " + resultCode + text(response, "refusalReason").map(reason -> ": " + reason).orElse("")
            : "Adyen: " + (resultCode.isEmpty() ? "no result code" : resultCode);
        return new AdyenSessionResult(prefix + kind.name(), psp, message);
    }

    /**
     * Saleor's {@code data.errors} entry for an Adyen error answer ({@code status, errorCode,
     * message, errorType}) or a call that did not complete.
     */
    public static JsonArrayBuilder errors(String code, String message, Optional<String> adyenErrorCode, int statusCode) {
        return JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("code", code)
            .add("message", message)
            .add("details", JSON.createObjectBuilder()
                .add("errorCode", adyenErrorCode.orElse(""))
                .add("statusCode", statusCode)));
    }

    /**
     * Saleor's {@code paymentMethodDetails} from Adyen's {@code paymentMethod {type, brand}} and,
     * for cards, {@code additionalData.cardSummary} (the last four digits): empty when Adyen
     * names no payment method. Cards ({@code scheme}) are CARD, everything else OTHER.
     */
    public static Optional<JsonObject> paymentMethodDetails(JsonObject response) {
        if (!(response.get("paymentMethod") instanceof JsonObject method)) {
            return Optional.empty();
        }
        Optional<String> type = text(method, "type");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        boolean card = type.get().equals("scheme");
        var details = JSON.createObjectBuilder()
            .add("type", card ? "CARD" : "OTHER")
            .add("name", text(method, "name").orElse(type.get()));
        text(method, "brand").ifPresent(brand -> details.add("brand", brand));
        if (card && response.get("additionalData") instanceof JsonObject additional) {
            text(additional, "cardSummary").filter(digits -> digits.matches("[0-9]{4}"))
                .ifPresent(digits -> details.add("lastDigits", digits));
        }
        return Optional.of(details.build());
    }

    static Optional<String> text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof jakarta.json.JsonString string && !string.getString().isBlank()
            ? Optional.of(string.getString()) : Optional.empty();
    }
}
