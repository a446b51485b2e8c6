package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.ProviderConfiguration;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one Annanow (Payrexx) API call the hub makes: {@code GET {apiBase}/Transaction/{id}/} to
 * confirm a notification's status. Authenticated with the channel's API secret
 * ({@code X-API-KEY}) and instance name; bounded so a slow provider cannot hold a notification.
 * The request goes through the {@link ProviderGate}: a base URL that is not Annanow's is never called.
 */
public class AnnanowApi {

    /** Payrexx's API, which Annanow's white-label platform answers under its own host. */
    public static final String DEFAULT_API_BASE = "https://api.payrexx.com/v1.0";
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final ProviderGate gate;

    public AnnanowApi(ProviderGate gate) {
        this.gate = gate;
    }

    /**
     * The transaction's current status at Annanow, or empty when Annanow does not know it (404).
     * Throws {@link IllegalStateException} when Annanow cannot be reached or answers with an
     * error, so the notification is retried later.
     */
    public Optional<String> transactionStatus(ProviderConfiguration configuration, long transactionId) {
        String base = configuration.value("apiBaseUrl").orElse(DEFAULT_API_BASE);
        String instance = configuration.value("instance").orElse("");
        URI uri = URI.create(base.replaceAll("/+$", "") + "/Transaction/" + transactionId + "/?instance="
            + URLEncoder.encode(instance, StandardCharsets.UTF_8));
        ProviderGate.Answer response;
        try {
            response = gate.send(ProviderId.ANNANOW, new ProviderGate.Call("GET", uri, Map.of(
                "Accept", "application/json",
                "X-API-KEY", configuration.secret("apiSecret").orElse("")), new byte[0], TIMEOUT), MAX_ANSWER_BYTES);
        } catch (ProviderGate.Blocked e) {
            throw new IllegalStateException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Annanow API unreachable: " + e.getClass().getSimpleName());
        }
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new IllegalStateException("Annanow API answered " + response.status() + " for transaction " + transactionId);
        }
        try {
            JsonObject answer = ProviderJson.object(response.body());
            JsonValue data = answer.get("data");
            JsonObject transaction = data instanceof JsonArray list && !list.isEmpty() && list.get(0) instanceof JsonObject first
                ? first : data instanceof JsonObject single ? single : null;
            if (transaction == null) {
                return Optional.empty();
            }
            return transaction.get("status") instanceof JsonString status ? Optional.of(status.getString()) : Optional.empty();
        } catch (MalformedNotification unreadable) {
            throw new IllegalStateException("Annanow API answered unreadable JSON for transaction " + transactionId);
        }
    }
}
