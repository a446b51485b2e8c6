package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.provider.npatobarai.GoodsLine;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * NP Atobarai's transaction API: register, update, cancel, report
 * shipment, find a transaction's credit check, check credentials. Every call is bounded by {@code timeout} (15 s in production):
 * a call that takes longer is {@link NpOutcome.Unavailable} with {@code timedOut}.
 * It translates only; what an outcome means is decided by the caller with the domain. Every
 * request goes through the {@link ProviderGate}: a base URL that is not NP's is never called.
 */
public record NpAtobaraiClient(ProviderGate gate, Duration timeout) {

    /** Sent as the Saleor message of a call NP did not answer in time. */
    public static final String TIMEOUT_MESSAGE = "Timeout Error";
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    public NpAtobaraiClient {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** This client with its calls bounded by {@code bound} where that is shorter than its own timeout. */
    public NpAtobaraiClient within(Duration bound) {
        return bound.compareTo(timeout) < 0 ? new NpAtobaraiClient(gate, bound) : this;
    }

    public NpOutcome register(NpCredentials account, NpTransaction transaction) {
        return transactionCall(account, "POST", "transactions", transactionItem(transaction, null));
    }

    public NpOutcome update(NpCredentials account, String npTransactionId, NpTransaction transaction) {
        return transactionCall(account, "PATCH", "transactions/update", transactionItem(transaction, npTransactionId));
    }

    public NpOutcome cancel(NpCredentials account, String npTransactionId) {
        return transactionCall(account, "PATCH", "transactions/cancel",
            JSON.createObjectBuilder().add("np_transaction_id", npTransactionId));
    }

    public NpOutcome reportShipment(NpCredentials account, String npTransactionId, String pdCompanyCode,
                                    String slipNo) {
        return transactionCall(account, "POST", "shipments", JSON.createObjectBuilder()
            .add("np_transaction_id", npTransactionId)
            .add("pd_company_code", pdCompanyCode)
            .add("slip_no", slipNo));
    }

    /**
     * What NP holds for one of its transactions: its credit check as it stands now, answered like
     * a registration ({@code results[{np_transaction_id, authori_result, authori_hold?}]}). The
     * contract names this call for the credentials check only; asking it about one transaction
     * is our reading of NP's API (docs/RECONCILIATION.md).
     */
    public NpOutcome find(NpCredentials account, String npTransactionId) {
        return transactionCall(account, "POST", "authorizations/find",
            JSON.createObjectBuilder().add("np_transaction_id", npTransactionId));
    }

    /** Whether NP accepts the credentials: its "find" call answers 400 to valid ones (empty list), 401/403 otherwise. */
    public NpOutcome checkCredentials(NpCredentials account) {
        String body = JSON.createObjectBuilder().add("transactions", JSON.createArrayBuilder()).build().toString();
        return call(account, "POST", "authorizations/find", body, answer -> answer.status() == 400 || answer.status() / 100 == 2
            ? new NpOutcome.Accepted(null, null)
            : new NpOutcome.Refused(answer.status(), List.of(), "NP Atobarai refused the credentials (HTTP "
                + answer.status() + ")"));
    }

    // ---- request building -------------------------------------------------------------------

    static JsonObjectBuilder transactionItem(NpTransaction t, String npTransactionId) {
        JsonObjectBuilder item = JSON.createObjectBuilder();
        if (npTransactionId != null) {
            item.add("np_transaction_id", npTransactionId);
        }
        item.add("shop_transaction_id", t.shopTransactionId())
            .add("shop_order_date", t.shopOrderDate().format(DateTimeFormatter.ISO_LOCAL_DATE))
            .add("settlement_type", "02")
            .add("billed_amount", t.billedAmount())
            .add("customer", customer(t.customer(), true))
            .add("dest_customer", customer(t.destination(), false));
        JsonArrayBuilder goods = JSON.createArrayBuilder();
        for (GoodsLine line : t.goods()) {
            goods.add(JSON.createObjectBuilder()
                .add("goods_name", line.name())
                .add("goods_price", line.unitPrice())
                .add("quantity", line.quantity()));
        }
        return item.add("goods", goods);
    }

    private static JsonObjectBuilder customer(NpCustomer c, boolean withEmail) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("customer_name", nonNull(c.name()));
        if (c.companyName() != null && !c.companyName().isBlank()) {
            json.add("company_name", c.companyName());
        }
        json.add("zip_code", nonNull(c.zipCode()))
            .add("address", nonNull(c.address()))
            .add("tel", nonNull(c.tel()));
        if (withEmail) {
            json.add("email", nonNull(c.email()));
        }
        return json;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    // ---- calling and reading answers -------------------------------------------------------

    private NpOutcome transactionCall(NpCredentials account, String method, String path, JsonObjectBuilder item) {
        String body = JSON.createObjectBuilder().add("transactions", JSON.createArrayBuilder().add(item)).build().toString();
        return call(account, method, path, body, NpAtobaraiClient::read);
    }

    /** Sends one call and reads NP's answer; no answer is {@link NpOutcome.Unavailable}. */
    private NpOutcome call(NpCredentials account, String method, String path, String body, Function<Answer, NpOutcome> read) {
        Answer answer;
        try {
            answer = send(account, method, path, body);
        } catch (ProviderGate.TimedOut e) {
            return new NpOutcome.Unavailable(true, TIMEOUT_MESSAGE);
        } catch (ProviderGate.Blocked e) {
            return new NpOutcome.Unavailable(false, e.getMessage());
        } catch (IOException e) {
            return new NpOutcome.Unavailable(false, "NP Atobarai could not be reached: " + e.getClass().getSimpleName());
        }
        return read.apply(answer);
    }

    static NpOutcome read(Answer answer) {
        JsonObject json;
        try {
            JsonValue value = JSON.createReader(new StringReader(answer.body())).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new NpOutcome.Refused(answer.status(), List.of(), "NP Atobarai answered HTTP " + answer.status()
                    + " with a body that is not a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return new NpOutcome.Refused(answer.status(), List.of(), "NP Atobarai answered HTTP " + answer.status()
                + " with a body that is not JSON");
        }
        if (answer.status() / 100 != 2 || json.containsKey("errors")) {
            return new NpOutcome.Refused(answer.status(), errorCodes(json), "NP Atobarai refused the call (HTTP "
                + answer.status() + ")");
        }
        JsonArray results = arrayOrEmpty(json, "results");
        if (results.size() != 1 || results.get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            return new NpOutcome.Refused(answer.status(), List.of(), "NP Atobarai answered " + results.size()
                + " results for one transaction");
        }
        JsonObject result = results.getJsonObject(0);
        String npId = stringOrNull(result, "np_transaction_id");
        if (npId == null || npId.isBlank()) {
            return new NpOutcome.Refused(answer.status(), List.of(), "NP Atobarai answered without np_transaction_id");
        }
        String authoriResult = stringOrNull(result, "authori_result");
        if (authoriResult == null) {
            return new NpOutcome.Accepted(npId, null);
        }
        List<String> holds = new ArrayList<>();
        for (JsonValue hold : arrayOrEmpty(result, "authori_hold")) {
            if (hold instanceof JsonString s) {
                holds.add(s.getString());
            }
        }
        return new NpOutcome.Accepted(npId, CreditCheck.of(authoriResult, holds, stringOrNull(result, "authori_ng")));
    }

    private static List<String> errorCodes(JsonObject json) {
        List<String> codes = new ArrayList<>();
        for (JsonValue error : arrayOrEmpty(json, "errors")) {
            if (error.getValueType() == JsonValue.ValueType.OBJECT) {
                for (JsonValue code : arrayOrEmpty(error.asJsonObject(), "codes")) {
                    if (code instanceof JsonString s) {
                        codes.add(s.getString());
                    }
                }
            }
        }
        return codes;
    }

    private static JsonArray arrayOrEmpty(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String stringOrNull(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }

    record Answer(int status, String body) { }

    private Answer send(NpCredentials account, String method, String path, String body) throws IOException {
        String basic = Base64.getEncoder().encodeToString(
            (account.merchantCode() + ":" + account.secretSpCode()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("Authorization", "Basic " + basic);
        headers.put("X-NP-Terminal-Id", nonNull(account.terminalId()));
        ProviderGate.Answer answer = gate.send(ProviderId.NP_ATOBARAI, new ProviderGate.Call(method,
            account.baseUrl().resolve(path), headers, body.getBytes(StandardCharsets.UTF_8), timeout), MAX_ANSWER_BYTES);
        byte[] bytes = answer.body();
        int length = Math.min(bytes.length, MAX_ANSWER_BYTES);
        return new Answer(answer.status(), new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}
