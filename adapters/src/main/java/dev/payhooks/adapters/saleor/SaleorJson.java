package dev.payhooks.adapters.saleor;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reading Saleor's webhook bodies: GraphQL results where absent and null mean the same, and
 * money is a decimal number in major units. A wrong type is the sender's mistake (400).
 */
final class SaleorJson {

    private SaleorJson() {
    }

    static JsonObject object(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiProblem(400, field + " must be an object");
        }
        return value.asJsonObject();
    }

    static JsonObject requiredObject(JsonObject json, String field) {
        JsonObject value = object(json, field);
        if (value == null) {
            throw new ApiProblem(400, field + " is missing");
        }
        return value;
    }

    static JsonArray array(JsonObject json, String field) {
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

    static String string(JsonObject json, String field) {
        JsonValue value = json == null ? null : json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new ApiProblem(400, field + " must be a string");
    }

    static String requiredString(JsonObject json, String field) {
        String value = string(json, field);
        if (value == null || value.isBlank()) {
            throw new ApiProblem(400, field + " is missing");
        }
        return value;
    }

    static int integer(JsonObject json, String field) {
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
    static Money money(JsonObject json, String field, Currency currency) {
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

    /** {@code {gross: {amount}}} → money, null if absent. */
    static Money grossAmount(JsonObject taxed, Currency currency) {
        return money(object(taxed, "gross"), "amount", currency);
    }
}
