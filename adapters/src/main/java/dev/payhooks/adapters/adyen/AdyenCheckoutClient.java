package dev.payhooks.adapters.adyen;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Adyen's Checkout API (contracts/adyen.md table): {@code /paymentMethods}, {@code /payments},
 * {@code /payments/details} and the modifications of a payment ({@code captures},
 * {@code cancels}, {@code refunds}). Every call is bounded (15 s in production); a call that
 * does not finish in time is {@link Outcome.TimedOut}, which the caller answers Saleor with its
 * FAILURE result and {@link #TIMEOUT_MESSAGE}. Bodies are JSON-P; the API key goes in
 * {@code X-API-Key} and is never logged.
 */
public class AdyenCheckoutClient {

    /** The Saleor message of a call Adyen did not answer in time (seed wording). */
    public static final String TIMEOUT_MESSAGE = "Timeout Error";
    /** Adyen's own bound (seed): Saleor waits ~20 s, so the hub must answer before that. */
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

    private final HttpClient http;
    private final Duration timeout;

    public AdyenCheckoutClient(Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build(), timeout);
    }

    AdyenCheckoutClient(HttpClient http, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-API-Key", account.apiKey());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome.Answered(response.statusCode(), json(response.body()));
        } catch (HttpTimeoutException e) {
            return new Outcome.TimedOut();
        } catch (IOException e) {
            return new Outcome.Unreachable("Adyen could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unreachable("interrupted while calling Adyen");
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
