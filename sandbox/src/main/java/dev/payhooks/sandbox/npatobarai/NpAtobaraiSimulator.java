package dev.payhooks.sandbox.npatobarai;

import dev.payhooks.adapters.api.JsonInput;
import dev.payhooks.domain.provider.npatobarai.HoldReason;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NP Atobarai's API as the sandbox plays it, so the whole Saleor
 * flow runs without NP. The credit check is chosen by a magic word anywhere in the customer's
 * or the destination's name or address:
 * <ul>
 *   <li>a hold code ({@code RE009}, {@code RE014}, {@code RE015}, {@code RE020}, {@code RE021},
 *       {@code RE023}, {@code RE026}) → {@code 10} with that hold reason;</li>
 *   <li>{@code NG20} → {@code 20} (rejected), {@code NG40} → {@code 40} (cancelled);</li>
 *   <li>anything else → {@code 00}.</li>
 * </ul>
 * Update evaluates the new data again, so a customer who removes the magic word gets {@code 00}.
 * {@code authorizations/find} with an empty list answers 400 (the credentials check); with one
 * known NP transaction it answers that transaction's latest credit check, as register did.
 * Transactions live in memory only.
 */
public class NpAtobaraiSimulator {

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String body) { }

    private enum State { REGISTERED, CANCELLED }

    private final Map<String, State> transactions = new ConcurrentHashMap<>();
    /** Each transaction's latest register / update result, which find answers. */
    private final Map<String, JsonObject> creditChecks = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(90_000_000_000L);

    /**
     * @param path          below {@code /v1/}, e.g. {@code transactions/update}
     * @param authorization the {@code Authorization} header
     * @param terminalId    the {@code X-NP-Terminal-Id} header
     */
    public Answer handle(String method, String path, String authorization, String terminalId, String body) {
        if (authorization == null || !authorization.startsWith("Basic ") || terminalId == null || terminalId.isBlank()) {
            return new Answer(401, errors("E0000001"));
        }
        JsonArray items;
        try {
            JsonValue json = JsonInput.value((body == null ? "" : body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonValue list = json.getValueType() == JsonValue.ValueType.OBJECT ? json.asJsonObject().get("transactions") : null;
            if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
                return new Answer(400, errors("E0000002"));
            }
            items = list.asJsonArray();
        } catch (JsonInput.Refused e) {
            return new Answer(400, errors("E0000002"));
        }
        String route = method.toUpperCase(Locale.ROOT) + " " + path;
        if (route.equals("POST authorizations/find") && items.isEmpty()) {
            return new Answer(400, errors("E0000003"));  // valid credentials, nothing to find
        }
        if (items.size() != 1 || items.get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            return new Answer(400, errors("E0000004"));
        }
        JsonObject item = items.getJsonObject(0);
        return switch (route) {
            case "POST transactions" -> register(item, null);
            case "PATCH transactions/update" -> known(item) ? register(item, string(item, "np_transaction_id"))
                : new Answer(400, errors("E0131001"));
            case "PATCH transactions/cancel" -> cancel(item);
            case "POST shipments" -> ship(item);
            case "POST authorizations/find" -> known(item) ? ok(creditChecks.get(string(item, "np_transaction_id")))
                : new Answer(400, errors("E0131001"));
            default -> new Answer(404, errors("E0000404"));
        };
    }

    private Answer register(JsonObject item, String existingId) {
        String shopId = string(item, "shop_transaction_id");
        JsonValue billed = item.get("billed_amount");
        if (shopId == null || shopId.isBlank() || shopId.length() > 40) {
            return new Answer(400, errors("E0100002"));
        }
        if (!(billed instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
            return new Answer(400, errors("E0100113"));
        }
        String text = (describe(item.get("customer")) + " " + describe(item.get("dest_customer"))).toUpperCase(Locale.ROOT);
        String id = existingId != null ? existingId : String.valueOf(next.incrementAndGet());
        transactions.put(id, State.REGISTERED);
        JsonArrayBuilder holds = JSON.createArrayBuilder();
        boolean held = false;
        for (HoldReason reason : HoldReason.values()) {
            if (text.contains(reason.code())) {
                holds.add(reason.code());
                held = true;
            }
        }
        var result = JSON.createObjectBuilder().add("np_transaction_id", id);
        if (held) {
            result.add("authori_result", "10").add("authori_hold", holds);
        } else if (text.contains("NG20")) {
            result.add("authori_result", "20").add("authori_ng", "NG999");
        } else if (text.contains("NG40")) {
            result.add("authori_result", "40");
        } else {
            result.add("authori_result", "00");
        }
        JsonObject answered = result.build();
        creditChecks.put(id, answered);
        return ok(answered);
    }

    private Answer cancel(JsonObject item) {
        if (!known(item)) {
            return new Answer(400, errors("E0131001"));
        }
        String id = string(item, "np_transaction_id");
        transactions.put(id, State.CANCELLED);
        return ok(JSON.createObjectBuilder().add("np_transaction_id", id).build());
    }

    private Answer ship(JsonObject item) {
        if (!known(item) || transactions.get(string(item, "np_transaction_id")) == State.CANCELLED) {
            return new Answer(400, errors("E0131001"));
        }
        String pd = string(item, "pd_company_code");
        String slip = string(item, "slip_no");
        if (pd == null || !pd.matches("\\d{5}")) {
            return new Answer(400, errors("E0200007"));
        }
        if (slip == null || slip.isEmpty() || slip.length() > 20) {
            return new Answer(400, errors("E0200008"));
        }
        return ok(JSON.createObjectBuilder().add("np_transaction_id", string(item, "np_transaction_id")).build());
    }

    private boolean known(JsonObject item) {
        String id = string(item, "np_transaction_id");
        return id != null && transactions.containsKey(id);
    }

    private static Answer ok(JsonObject result) {
        return new Answer(200, JSON.createObjectBuilder().add("results", JSON.createArrayBuilder().add(result)).build().toString());
    }

    private static String errors(String code) {
        return JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("codes", JSON.createArrayBuilder().add(code)))).build().toString();
    }

    private static String string(JsonObject json, String field) {
        return json.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static String describe(JsonValue customer) {
        if (customer == null || customer.getValueType() != JsonValue.ValueType.OBJECT) {
            return "";
        }
        JsonObject c = customer.asJsonObject();
        return string(c, "customer_name") + " " + string(c, "company_name") + " " + string(c, "address");
    }
}
