package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.domain.payment.ProviderId;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Adyen's Checkout API: {@code /paymentMethods}, {@code /payments},
 * {@code /payments/details} and the modifications of a payment ({@code captures},
 * {@code cancels}, {@code refunds}). Every call is bounded (15 s in production); a call that
 * does not finish in time is {@link Outcome.TimedOut}, which the caller answers Saleor with its
 * FAILURE result and {@link #TIMEOUT_MESSAGE}. Bodies are JSON-P; the API key goes in
 * {@code X-API-Key} and is never logged. Every request goes through the {@link ProviderGate}: a
 * base URL that is not Adyen's is never called.
 */
public record AdyenCheckoutClient(ProviderGate gate, Duration timeout) {

    /** The Saleor message of a call Adyen did not answer in time. */
    public static final String TIMEOUT_MESSAGE = "Timeout Error";
    /** Adyen's own bound: Saleor waits ~20 s, so the hub must answer before that. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    static final int MAX_ANSWER_BYTES = 512 * 1024;

    /** Where and as whom to call: the channel's Checkout base URL (with the API version) and API key. */
    public record Account(URI checkoutBaseUrl, String apiKey) {
        public Account {
            Objects.requireNonNull(checkoutBaseUrl, "checkoutBaseUrl");
            Objects.requireNonNull(apiKey, "apiKey");
        }

        @Override
        public String toString() {
            return "Account[" + checkoutBaseUrl + "]";
        }
    }

    /** What came back from one call. */
    public sealed interface Outcome {
        /** Adyen answered; {@code body} is its JSON object (empty when it sent none or no JSON). */
        record Answered(int status, JsonObject body) implements Outcome {
            public boolean ok() {
                return status / 100 == 2;
            }
        }

        /** No answer within the bound. */
        record TimedOut() implements Outcome { }

        /** Adyen could not be reached at all. */
        record Unreachable(String description) implements Outcome { }
    }

    public AdyenCheckoutClient {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** This client with its calls bounded by {@code bound} where that is shorter than its own timeout. */
    public AdyenCheckoutClient within(Duration bound) {
        return bound.compareTo(timeout) < 0 ? new AdyenCheckoutClient(gate, bound) : this;
    }

    public Outcome paymentMethods(Account account, JsonObject request) {
        return post(account, "paymentMethods", request, null);
    }

    public Outcome payments(Account account, JsonObject request) {
        return payments(account, request, null);
    }

    /** With Adyen's {@code Idempotency-Key}: a repeat with the same key gets the first answer, never a second payment. */
    public Outcome payments(Account account, JsonObject request, String idempotencyKey) {
        return post(account, "payments", request, idempotencyKey);
    }

    public Outcome paymentDetails(Account account, JsonObject request) {
        return post(account, "payments/details", request, null);
    }

    public Outcome capture(Account account, String pspReference, JsonObject request) {
        return capture(account, pspReference, request, null);
    }

    public Outcome capture(Account account, String pspReference, JsonObject request, String idempotencyKey) {
        return post(account, "payments/" + segment(pspReference) + "/captures", request, idempotencyKey);
    }

    public Outcome cancel(Account account, String pspReference, JsonObject request) {
        return cancel(account, pspReference, request, null);
    }

    public Outcome cancel(Account account, String pspReference, JsonObject request, String idempotencyKey) {
        return post(account, "payments/" + segment(pspReference) + "/cancels", request, idempotencyKey);
    }

    public Outcome refund(Account account, String pspReference, JsonObject request) {
        return refund(account, pspReference, request, null);
    }

    public Outcome refund(Account account, String pspReference, JsonObject request, String idempotencyKey) {
        return post(account, "payments/" + segment(pspReference) + "/refunds", request, idempotencyKey);
    }

    private Outcome post(Account account, String path, JsonObject body, String idempotencyKey) {
        String base = account.checkoutBaseUrl().toString();
        URI target = URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-API-Key", account.apiKey());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        try {
            ProviderGate.Answer answer = gate.send(ProviderId.ADYEN, new ProviderGate.Call("POST", target, headers,
                body.toString().getBytes(StandardCharsets.UTF_8), timeout), MAX_ANSWER_BYTES);
            return new Outcome.Answered(answer.status(), json(answer.body()));
        } catch (ProviderGate.TimedOut e) {
            return new Outcome.TimedOut();
        } catch (ProviderGate.Blocked e) {
            return new Outcome.Unreachable(e.getMessage());
        } catch (IOException e) {
            return new Outcome.Unreachable("Adyen could not be reached: " + e.getClass().getSimpleName());
        }
    }

    private static JsonObject json(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_ANSWER_BYTES) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String segment(String pspReference) {
        return URLEncoder.encode(pspReference, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
