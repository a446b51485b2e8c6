package dev.payhooks.adapters.saleor;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reading Saleor's webhook bodies: GraphQL results where absent and null mean the same, and
 * money is a decimal number in major units. A wrong type is the sender's mistake (400).
 */
public final class SaleorJson {

    private SaleorJson() {
    }

    public static JsonObject object(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiProblem(400, field + " must be an object");
        }
        return value.asJsonObject();
    }

    public static JsonObject requiredObject(JsonObject json, String field) {
        JsonObject value = object(json, field);
        if (value == null) {
            throw new ApiProblem(400, field + " is missing");
        }
        return value;
    }

    public static JsonArray array(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ApiProblem(400, field + " must be an array");
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ApiProblem(400, field + " must be an array of objects");
            }
        }
        return value.asJsonArray();
    }

    public static String string(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new ApiProblem(400, field + " must be a string");
    }

    public static String requiredString(JsonObject json, String field) {
        String value = string(json, field);
        if (value == null || value.isBlank()) {
            throw new ApiProblem(400, field + " is missing");
        }
        return value;
    }

    public static int integer(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException tooLarge) {
                throw new ApiProblem(400, field + " is out of range");
            }
        }
        throw new ApiProblem(400, field + " must be an integer");
    }

    /** A money amount: a JSON number or a numeric string in major units; null if absent. */
    public static Money money(JsonObject json, String field, Currency currency) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        String text;
        if (value instanceof JsonNumber n) {
            text = n.toString();
        } else if (value instanceof JsonString s) {
            text = s.getString();
        } else {
            throw new ApiProblem(400, field + " must be a number");
        }
        try {
            return Money.parseJsonNumber(text, currency);
        } catch (DomainException | NumberFormatException | ArithmeticException bad) {
            throw new ApiProblem(400, field + " " + text + " is not a valid " + currency.code() + " amount");
        }
    }

    /** A money amount that must be there. */
    public static Money requiredMoney(JsonObject json, String field, Currency currency) {
        Money value = money(json, field, currency);
        if (value == null) {
            throw new ApiProblem(400, field + " is missing");
        }
        return value;
    }

    /** The currency of a Saleor action: its own {@code currency}, else the source object's. */
    public static Currency actionCurrency(JsonObject action, String sourceCurrencyCode) {
        String own = string(action, "currency");
        return currency(own != null ? own : sourceCurrencyCode);
    }

    /** An ISO 4217 code the hub supports; anything else is the sender's mistake. */
    public static Currency currency(String code) {
        try {
            return Currency.of(code);
        } catch (DomainException | NullPointerException e) {
            throw new ApiProblem(400, "currency " + code + " is not a supported ISO 4217 code");
        }
    }

    /** true / false, or null when absent or not a boolean. */
    public static Boolean bool(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        return value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes: stable ids and idempotency keys. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hub's id of one Saleor instance's transaction for one provider app: stable, so a
     * redelivery finds it, and different per provider prefix.
     */
    public static TransactionId hubTransactionId(String prefix, String apiUrl, String saleorTransactionId) {
        return TransactionId.of(prefix + "-" + sha256(apiUrl + "|" + saleorTransactionId).substring(0, 40));
    }

    /**
     * The API URL of the merchant's installation of the provider's Saleor app that {@code transaction}
     * came from (its hub id is {@code prefix}'s {@link #hubTransactionId} of that URL and its merchant
     * reference); empty when it is no Saleor transaction of that app. A transaction whose id does
     * not start with {@code prefix-} (a payment that began outside Saleor) is none: no installation
     * is read for it.
     */
    public static Optional<String> installationOf(SaleorInstallations installations, String merchantId, ProviderId provider,
                                                  String prefix, PaymentTransaction transaction) {
        if (!transaction.id().value().startsWith(prefix + "-")) {
            return Optional.empty();
        }
        return installations.ofMerchant(merchantId, provider).stream()
            .map(SaleorInstallation::apiUrl)
            .filter(url -> hubTransactionId(prefix, url, transaction.merchantReference()).equals(transaction.id()))
            .findFirst();
    }

    /** {@code {gross: {amount}}} → money, null if absent. */
    public static Money grossAmount(JsonObject taxed, Currency currency) {
        return money(object(taxed, "gross"), "amount", currency);
    }
}
